import type { ServiceName } from '@app/config';
import type { GatewayConfig } from '../config/gateway.config';

export function subgraphEndpoints(config: GatewayConfig): Record<ServiceName, string> {
  return {
    membership: config.SUBGRAPH_MEMBERSHIP_URL,
    enforcement: config.SUBGRAPH_ENFORCEMENT_URL,
    standards: config.SUBGRAPH_STANDARDS_URL,
    events: config.SUBGRAPH_EVENTS_URL,
  };
}
