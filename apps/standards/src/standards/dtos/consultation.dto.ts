import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, maskContact } from '@app/common';
import type { CommentEntity } from '../entities/comment.entity';
import { CommenterKind, CommentType, Disposition } from './enums';

@ObjectType('StandardConsultation', { description: 'A public-comment period on a draft (征求意见).' })
export class ConsultationDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The standard.' })
  standardId: string;

  @Field(() => ID, { description: 'The draft version under comment.' })
  draftVersionId: string;

  @Field({ description: 'Opening date (YYYY-MM-DD).' })
  opensOn: string;

  @Field({ description: 'Closing date (YYYY-MM-DD), at least the programme’s comment days after opening.' })
  closesOn: string;

  @Field({ description: 'Whether the public may comment.' })
  isPublic: boolean;

  @Field(() => [String], { description: 'Channels the draft is published through.' })
  channels: string[];

  @Field({ description: 'OPEN or CLOSED.' })
  status: string;
}

@ObjectType('StandardComment', { description: 'A comment in the ISO/IEC template with its disposition. Contact data is masked.' })
export class StandardCommentDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The consultation.' })
  consultationId: string;

  @Field(() => CommenterKind, { description: 'Member, expert or public.' })
  commenterKind: CommenterKind;

  @Field({ description: 'Commenter name.' })
  commenterName: string;

  @Field(() => String, { nullable: true, description: 'Commenter organization.' })
  commenterOrganization: string | null;

  @Field(() => String, { nullable: true, description: 'Contact, masked (e.g. 138****5678).' })
  maskedContact: string | null;

  @Field({ description: 'Clause (章条编号).' })
  clause: string;

  @Field(() => String, { nullable: true, description: 'Paragraph, figure or table.' })
  paragraph: string | null;

  @Field(() => CommentType, { description: 'ge, te or ed.' })
  commentType: CommentType;

  @Field({ description: 'The comment.' })
  comment: string;

  @Field(() => String, { nullable: true, description: 'Proposed change.' })
  proposedChange: string | null;

  @Field(() => Disposition, { nullable: true, description: 'Disposition; null until dispositioned.' })
  disposition: Disposition | null;

  @Field(() => String, { nullable: true, description: 'Observations of the working group (the reason when not accepted).' })
  observation: string | null;

  @Field({ description: 'When it was submitted.' })
  createdAt: Date;
}

export const StandardCommentConnection = Connection(StandardCommentDTO, 'StandardComment');

export function toCommentDTO(entity: CommentEntity): StandardCommentDTO {
  const { id, consultationId, commenterKind, commenterName, commenterOrganization, clause, paragraph, commentType, comment, proposedChange, disposition, observation, createdAt } = entity;
  return {
    id,
    consultationId,
    commenterKind: commenterKind as CommenterKind,
    commenterName,
    commenterOrganization,
    maskedContact: maskContact(entity.commenterContact),
    clause,
    paragraph,
    commentType: commentType as CommentType,
    comment,
    proposedChange,
    disposition: disposition as Disposition | null,
    observation,
    createdAt,
  };
}
