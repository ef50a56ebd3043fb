import { type DynamicModule, Module } from '@nestjs/common';
import { SubgraphModule } from '@app/subgraph';
import type { StandardsConfig } from './config/standards.config';
import { LifecycleResolver } from './lifecycle/lifecycle.resolver';

@Module({})
export class StandardsAppModule {
  static forRoot(config: StandardsConfig): DynamicModule {
    return {
      module: StandardsAppModule,
      imports: [SubgraphModule.forService({ service: 'standards', config, entities: [] })],
      providers: [LifecycleResolver],
    };
  }
}
