import { ExpertBatchEntity } from '../experts/entities/expert-batch.entity';
import { ExpertConflictEntity } from '../experts/entities/expert-conflict.entity';
import { ExpertPanelDrawEntity } from '../experts/entities/expert-panel-draw.entity';
import { ExpertEntity } from '../experts/entities/expert.entity';
import { ExpertsResolver } from '../experts/experts.resolver';
import { ExpertsService } from '../experts/experts.service';
import { AwardsResolver } from '../awards/awards.resolver';
import { AwardsService } from '../awards/awards.service';
import {
  AwardApprovalBallotEntity,
  AwardApprovalVoteEntity,
  AwardNominationEntity,
  AwardPanelMemberEntity,
  AwardRoundEntity,
  AwardScoreEntity,
} from '../awards/entities/award.entities';
import { CommitteesResolver } from '../committees/committees.resolver';
import { CommitteesService } from '../committees/committees.service';
import { CommitteeEntity, CommitteeMemberUnitEntity, CommitteePositionEntity } from '../committees/entities/committee.entity';
import { CouncilResolver } from './council.resolver';
import { CouncilService } from './council.service';
import { CouncilOfficeEntity } from './entities/council-office.entity';
import { CouncilTermEntity } from './entities/council-term.entity';
import { ResolutionAppointmentEntity } from './entities/resolution-appointment.entity';
import { ResolutionAppointmentsConsumer } from './resolution-appointments.consumer';

/** Entities of the governance modules (council, committees, experts, awards). */
export const GOVERNANCE_ENTITIES = [
  CouncilTermEntity,
  CouncilOfficeEntity,
  ResolutionAppointmentEntity,
  ExpertBatchEntity,
  ExpertEntity,
  ExpertConflictEntity,
  ExpertPanelDrawEntity,
  CommitteeEntity,
  CommitteePositionEntity,
  CommitteeMemberUnitEntity,
  AwardRoundEntity,
  AwardNominationEntity,
  AwardPanelMemberEntity,
  AwardScoreEntity,
  AwardApprovalBallotEntity,
  AwardApprovalVoteEntity,
];

/** Providers of the governance modules, registered by the membership app module. */
export const GOVERNANCE_PROVIDERS = [
  CouncilService,
  CouncilResolver,
  ResolutionAppointmentsConsumer,
  ExpertsService,
  ExpertsResolver,
  CommitteesService,
  CommitteesResolver,
  AwardsService,
  AwardsResolver,
];
