import { BallotEntity, BallotVoterEntity } from './ballot.entity';
import { CommentEntity } from './comment.entity';
import { ConsultationEntity } from './consultation.entity';
import { DraftVersionEntity } from './draft-version.entity';
import { ProgrammeEntity } from './programme.entity';
import { ActivityEntity, JointPublisherEntity, PatentDisclosureEntity } from './publication.entity';
import { StandardTransitionEntity } from './standard-transition.entity';
import { StandardEntity } from './standard.entity';
import { WorkingGroupMemberEntity } from './working-group-member.entity';

export const STANDARDS_ENTITIES = [
  ProgrammeEntity,
  StandardEntity,
  StandardTransitionEntity,
  WorkingGroupMemberEntity,
  DraftVersionEntity,
  ConsultationEntity,
  CommentEntity,
  BallotEntity,
  BallotVoterEntity,
  PatentDisclosureEntity,
  JointPublisherEntity,
  ActivityEntity,
];
