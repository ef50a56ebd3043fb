import { DEFAULT_PORTS, ServiceConfig } from '@app/config';

export class EnforcementConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS.enforcement;
}
