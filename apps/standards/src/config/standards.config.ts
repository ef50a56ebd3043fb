import { DEFAULT_PORTS, ServiceConfig } from '@app/config';

export class StandardsConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS.standards;
}
