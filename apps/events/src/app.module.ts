import { type DynamicModule, Module } from '@nestjs/common';
import { SubgraphModule } from '@app/subgraph';
import type { EventsConfig } from './config/events.config';
import { EventCatalogResolver } from './catalog/event-catalog.resolver';

@Module({})
export class EventsAppModule {
  static forRoot(config: EventsConfig): DynamicModule {
    return {
      module: EventsAppModule,
      imports: [SubgraphModule.forService({ service: 'events', config, entities: [] })],
      providers: [EventCatalogResolver],
    };
  }
}
