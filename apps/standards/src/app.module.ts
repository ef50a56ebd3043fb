import { type DynamicModule, Module } from '@nestjs/common';
import { SubgraphModule } from '@app/subgraph';
import type { StandardsConfig } from './config/standards.config';
import { LifecycleResolver } from './lifecycle/lifecycle.resolver';
import { BallotsResolver } from './standards/ballots.resolver';
import { BallotsService } from './standards/ballots.service';
import { ConsultationsResolver } from './standards/consultations.resolver';
import { ConsultationsService } from './standards/consultations.service';
import { STANDARDS_ENTITIES } from './standards/entities';
import { StandardsHousekeepingService } from './standards/jobs/standards-housekeeping.service';
import { ParticipationService } from './standards/participation.service';
import { MembershipDirectoryProjector } from './standards/read-models/membership-directory.projector';
import { StandardsResolver } from './standards/standards.resolver';
import { StandardsService } from './standards/standards.service';

@Module({})
export class StandardsAppModule {
  static forRoot(config: StandardsConfig): DynamicModule {
    return {
      module: StandardsAppModule,
      imports: [SubgraphModule.forService({ service: 'standards', config, entities: STANDARDS_ENTITIES })],
      providers: [
        LifecycleResolver,
        StandardsService,
        ParticipationService,
        ConsultationsService,
        BallotsService,
        StandardsResolver,
        ConsultationsResolver,
        BallotsResolver,
        StandardsHousekeepingService,
        MembershipDirectoryProjector,
      ],
    };
  }
}
