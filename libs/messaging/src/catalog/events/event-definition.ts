import type { ServiceName } from '@app/config';

export interface DomainEventDefinition {
  version: number;
  producer: ServiceName;
  subscribers: readonly ServiceName[];
  description: string;
}
