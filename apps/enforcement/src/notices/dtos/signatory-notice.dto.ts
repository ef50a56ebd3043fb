import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { AssociationPageArgs, Connection } from '@app/common';
import type { SignatoryNoticeEntity } from '../entities/signatory-notice.entity';

export enum SignatoryNoticeKind {
  CONVENTION_AMENDED = 'CONVENTION_AMENDED',
}

registerEnumType(SignatoryNoticeKind, {
  name: 'SignatoryNoticeKind',
  description: 'What a notice to a signatory unit is about.',
  valuesMap: { CONVENTION_AMENDED: { description: 'An amendment was adopted; the amended text is the version in effect.' } },
});

@ObjectType('SignatoryNotice', { description: 'A notice to a signatory unit, e.g. that a convention it signed was amended.' })
export class SignatoryNoticeDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The unit notified.' })
  organizationId: string;

  @Field(() => ID, { description: 'The convention concerned.' })
  conventionId: string;

  @Field(() => SignatoryNoticeKind, { description: 'What it is about.' })
  kind: SignatoryNoticeKind;

  @Field({ description: 'One line for the unit.' })
  subject: string;

  @Field(() => ID, { description: 'The record it is about (for CONVENTION_AMENDED, the amendment).' })
  referenceId: string;

  @Field(() => ID, { nullable: true, description: 'The convention version now in effect, where there is one.' })
  conventionVersionId: string | null;

  @Field({ description: 'When it was sent.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the unit acknowledged it; null while unread.' })
  acknowledgedAt: Date | null;
}

export const SignatoryNoticeConnection = Connection(SignatoryNoticeDTO, 'SignatoryNotice');

@ArgsType()
export class SignatoryNoticesArgs extends AssociationPageArgs {
  @Field(() => ID, { description: 'The signatory unit.' })
  @IsUUID()
  organizationId: string;

  @Field(() => Boolean, { nullable: true, description: 'Only notices not yet acknowledged.' })
  @IsOptional()
  @IsBoolean()
  unacknowledgedOnly?: boolean | null;
}

export function toSignatoryNoticeDTO(entity: SignatoryNoticeEntity): SignatoryNoticeDTO {
  const { id, organizationId, conventionId, subject, referenceId, conventionVersionId, createdAt, acknowledgedAt } = entity;
  return { id, organizationId, conventionId, kind: entity.kind as SignatoryNoticeKind, subject, referenceId, conventionVersionId, createdAt, acknowledgedAt };
}
