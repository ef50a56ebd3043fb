import { ENFORCEMENT_OPERATIONS } from './operations/enforcement.operations';
import { EVENTS_OPERATIONS } from './operations/events.operations';
import { MEMBERSHIP_OPERATIONS } from './operations/membership.operations';
import { PLATFORM_OPERATIONS } from './operations/platform.operations';
import { STANDARDS_OPERATIONS } from './operations/standards.operations';

/**
 * The GraphQL operations behind /api/v1, one file per service in `operations/`. REST is a projection
 * of these: changing what an endpoint returns means changing its operation (and the API version when
 * it breaks clients).
 */
export const REGULATOR_OPERATIONS = {
  ...PLATFORM_OPERATIONS,
  ...MEMBERSHIP_OPERATIONS,
  ...ENFORCEMENT_OPERATIONS,
  ...STANDARDS_OPERATIONS,
  ...EVENTS_OPERATIONS,
} as const;

export type RegulatorOperationName = keyof typeof REGULATOR_OPERATIONS;
