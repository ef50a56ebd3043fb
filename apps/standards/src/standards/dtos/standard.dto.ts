import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/common';
import { ActionOwner, StandardState } from '../../lifecycle/standard-lifecycle';
import '../../lifecycle/dtos/standard-stage.dto';
import { PendingActionKind } from '../standards.service';
import { ActivityKind, LicenceDeclaration, WorkingGroupRole } from './enums';

@ObjectType('StandardsProgramme', { description: "An association's standards programme: the code in its standard numbers and its rules." })
export class StandardsProgrammeDTO {
  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field({ description: 'Code in standard numbers, e.g. WHCSA in T/WHCSA 001—2024.' })
  code: string;

  @Field(() => Int, { description: 'Units a working group needs at least before drafting starts.' })
  minimumWorkingGroupUnits: number;

  @Field(() => Int, { description: 'Minimum public-comment period in days (never below 30).' })
  commentDays: number;

  @Field(() => Int, { description: 'Years between periodic reviews (at most 5).' })
  reviewIntervalYears: number;
}

@ObjectType('StandardProject', { description: 'The approved project (立项) of a standard.' })
export class StandardProjectDTO {
  @Field({ description: 'Project number.' })
  projectNumber: string;

  @Field(() => ID, { description: 'Lead unit (牵头单位), an organization of the association.' })
  leadUnitOrganizationId: string;

  @Field(() => String, { nullable: true, description: "Lead unit's name, from the standards service's copy of membership's organizations." })
  leadUnitName?: string | null;

  @Field({ description: 'Work plan.' })
  plan: string;

  @Field({ description: 'Deadline (YYYY-MM-DD).' })
  deadline: string;

  @Field({ description: 'When the project was approved (YYYY-MM-DD).' })
  approvedOn: string;
}

@ObjectType('StandardPerson', { description: 'Someone acting on a standard: an account, the name they act under and their organization.' })
export class StandardPersonDTO {
  @Field({ description: "The account (the token's subject)." })
  accountId: string;

  @Field({ description: 'Display name.' })
  displayName: string;

  @Field(() => ID, { nullable: true, description: 'Organization they act for, if any.' })
  organizationId: string | null;
}

@ObjectType('StandardPatentDisclosure', { description: 'A patent disclosed for a standard with the licence declaration.' })
export class PatentDisclosureDTO {
  @Field({ description: 'Patent number.' })
  patentNumber: string;

  @Field({ description: 'Title of the patent.' })
  title: string;

  @Field({ description: 'Holder.' })
  holder: string;

  @Field(() => LicenceDeclaration, { description: "The holder's licence declaration." })
  licenceDeclaration: LicenceDeclaration;
}

@ObjectType('Standard', { description: 'A group standard (团体标准) from proposal to withdrawal.' })
export class StandardDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field({ description: 'Title (Chinese).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'English title.' })
  englishTitle: string | null;

  @Field(() => StandardState, { description: 'Current lifecycle state.' })
  state: StandardState;

  @Field(() => String, { nullable: true, description: 'ISO harmonized stage code of the current state.' })
  isoStageCode: string | null;

  @Field(() => ActionOwner, { description: 'Who owes the next action.' })
  actionOwner: ActionOwner;

  @Field(() => StandardState, { nullable: true, description: 'While ON_HOLD: the state it resumes into.' })
  heldFrom: StandardState | null;

  @Field({ description: 'When it entered its current state.' })
  stateEnteredAt: Date;

  @Field({ description: 'Scope of the proposed standard.' })
  scope: string;

  @Field({ description: 'Why it is needed.' })
  necessity: string;

  @Field({ description: 'Relation to existing national and industry standards.' })
  relatedStandards: string;

  @Field(() => [String], { description: 'Units planned to take part.' })
  plannedUnits: string[];

  @Field({ description: 'Patent pre-disclosure made with the proposal.' })
  patentPreDisclosure: string;

  @Field({ description: 'Whether it concerns consumers (its consultation must then be public).' })
  touchesConsumers: boolean;

  @Field(() => StandardPersonDTO, { description: 'Who proposed it.' })
  proposer: StandardPersonDTO;

  @Field(() => StandardProjectDTO, { nullable: true, description: 'The approved project, once approved.' })
  project: StandardProjectDTO | null;

  @Field(() => String, { nullable: true, description: 'Publication code, e.g. T/WHCSA 001—2024.' })
  code: string | null;

  @Field(() => String, { nullable: true, description: 'Number of the approval document.' })
  approvalDocumentNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date (YYYY-MM-DD).' })
  publishedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Implementation date (YYYY-MM-DD), on or after publication.' })
  implementedOn: string | null;

  @Field(() => String, { nullable: true, description: 'When the next periodic review (复审) is due (YYYY-MM-DD).' })
  nextReviewDue: string | null;

  @Field(() => String, { nullable: true, description: 'When a review last confirmed it (YYYY-MM-DD).' })
  lastConfirmedOn: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the submission to the national group-standard platform.' })
  platformReference: string | null;

  @Field(() => String, { nullable: true, description: 'When it was submitted to the national group-standard platform (YYYY-MM-DD).' })
  platformSubmittedOn: string | null;

  @Field(() => ID, { nullable: true, description: 'The standard this one revises and replaces.' })
  replacesStandardId: string | null;

  @Field(() => Int, { description: 'Grows with every change; pass it as expectedRevision to refuse stale moves.' })
  revision: number;

  @Field({ description: 'When it was proposed.' })
  createdAt: Date;
}

export const StandardConnection = Connection(StandardDTO, 'Standard');

@ObjectType('PublishedStandard', { description: 'A standard in the public catalogue.' })
export class PublishedStandardDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Publication code, e.g. T/WHCSA 001—2024.' })
  code: string;

  @Field({ description: 'Title (Chinese).' })
  title: string;

  @Field(() => String, { nullable: true, description: 'English title.' })
  englishTitle: string | null;

  @Field(() => StandardState, { description: 'PUBLISHED, UNDER_REVIEW, REVISION (still in force) or WITHDRAWN.' })
  state: StandardState;

  @Field({ description: 'Publication date (YYYY-MM-DD).' })
  publishedOn: string;

  @Field({ description: 'Implementation date (YYYY-MM-DD).' })
  implementedOn: string;

  @Field({ description: 'Whether it is in force (not withdrawn).' })
  inForce: boolean;

  @Field(() => [String], { description: 'Associations publishing it jointly.' })
  jointPublishers: string[];

  @Field(() => [PatentDisclosureDTO], { description: 'Patents disclosed.' })
  patentDisclosures: PatentDisclosureDTO[];

  @Field(() => String, { nullable: true, description: 'Reference on the national group-standard platform.' })
  platformReference: string | null;

  @Field({ description: 'When it entered the catalogue (used for paging).' })
  createdAt: Date;
}

export const PublishedStandardConnection = Connection(PublishedStandardDTO, 'PublishedStandard');

@ObjectType('StandardAttachment', { description: 'A document attached to a transition (notice, minutes, approval document).' })
export class AttachmentDTO {
  @Field({ description: 'File name or title.' })
  name: string;

  @Field({ description: 'Where it is stored.' })
  url: string;
}

@ObjectType('StandardTransition', { description: 'One move of a standard in its lifecycle; history is append-only.' })
export class StandardTransitionDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => StandardState, { nullable: true, description: 'State before; null for the proposal itself.' })
  fromState: StandardState | null;

  @Field(() => StandardState, { description: 'State after.' })
  toState: StandardState;

  @Field(() => String, { nullable: true, description: 'ISO stage code of the state after.' })
  isoStageCode: string | null;

  @Field(() => StandardPersonDTO, { description: 'Who made the move ("system" for scheduled jobs).' })
  actor: StandardPersonDTO;

  @Field(() => String, { nullable: true, description: 'Reason given.' })
  reason: string | null;

  @Field(() => [AttachmentDTO], { description: 'Documents attached.' })
  attachments: AttachmentDTO[];

  @Field({ description: 'When.' })
  occurredAt: Date;
}

@ObjectType('StandardWorkingGroupMember', { description: "A person's role in a working group, with its history." })
export class WorkingGroupMemberDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Account.' })
  accountId: string;

  @Field({ description: 'Display name.' })
  displayName: string;

  @Field(() => ID, { nullable: true, description: 'The unit they represent.' })
  organizationId: string | null;

  @Field(() => WorkingGroupRole, { description: 'Role.' })
  role: WorkingGroupRole;

  @Field({ description: 'When they joined.' })
  joinedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When they left; null while active.' })
  leftAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why they left.' })
  leftReason: string | null;
}

@ObjectType('StandardActivity', { description: 'Promotion (宣贯) or a seminar held on a standard.' })
export class StandardActivityDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ActivityKind, { description: 'Kind.' })
  kind: ActivityKind;

  @Field({ description: 'Title.' })
  title: string;

  @Field({ description: 'Date held (YYYY-MM-DD).' })
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Where.' })
  location: string | null;

  @Field(() => Int, { nullable: true, description: 'Number of participants.' })
  participantCount: number | null;

  @Field(() => String, { nullable: true, description: 'Notes.' })
  notes: string | null;
}

@ObjectType('PendingStandardAction', { description: 'Something the caller owes on a standard.' })
export class PendingStandardActionDTO {
  @Field(() => ID, { description: 'The standard.' })
  standardId: string;

  @Field({ description: 'Its title.' })
  title: string;

  @Field(() => StandardState, { description: 'Its state.' })
  state: StandardState;

  @Field(() => String, { nullable: true, description: 'ISO stage code of the state.' })
  isoStageCode: string | null;

  @Field(() => PendingActionKind, { description: 'What to do.' })
  action: PendingActionKind;

  @Field({ description: 'Owed since (when the state was entered).' })
  since: Date;

  @Field(() => ID, { nullable: true, description: 'The open ballot, for ballot actions.' })
  ballotId: string | null;
}
