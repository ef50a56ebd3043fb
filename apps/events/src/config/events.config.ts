import { DEFAULT_PORTS, ServiceConfig } from '@app/config';

export class EventsConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS.events;
}
