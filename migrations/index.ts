import type { ServiceName } from '@app/config';
import { ENFORCEMENT_MIGRATIONS } from './enforcement';
import { EVENTS_MIGRATIONS } from './events';
import { MEMBERSHIP_MIGRATIONS } from './membership';
import { STANDARDS_MIGRATIONS } from './standards';

export const MIGRATIONS: Record<ServiceName, Array<new () => object>> = {
  membership: MEMBERSHIP_MIGRATIONS,
  enforcement: ENFORCEMENT_MIGRATIONS,
  standards: STANDARDS_MIGRATIONS,
  events: EVENTS_MIGRATIONS,
};
