import { type DynamicModule, Module } from '@nestjs/common';
import { SubgraphModule } from '@app/subgraph';
import type { EnforcementConfig } from './config/enforcement.config';
import { OrganizationDirectoryEntryEntity } from './organization-directory/entities/organization-directory-entry.entity';
import { OrganizationDirectoryProjector } from './organization-directory/organization-directory.projector';
import { OrganizationDirectoryResolver } from './organization-directory/organization-directory.resolver';

@Module({})
export class EnforcementAppModule {
  static forRoot(config: EnforcementConfig): DynamicModule {
    return {
      module: EnforcementAppModule,
      imports: [SubgraphModule.forService({ service: 'enforcement', config, entities: [OrganizationDirectoryEntryEntity] })],
      providers: [OrganizationDirectoryProjector, OrganizationDirectoryResolver],
    };
  }
}
