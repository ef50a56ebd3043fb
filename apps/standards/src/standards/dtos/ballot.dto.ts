import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BallotKind, ExclusionKind, VotePosition } from './enums';

@ObjectType('StandardBallotOutcome', { description: 'The counted result of a ballot under its rule.' })
export class BallotOutcomeDTO {
  @Field(() => Int, { description: 'Panel members eligible (roll minus exclusions).' })
  eligible: number;

  @Field(() => Int, { description: 'Counting electorate (eligible minus recusals).' })
  electorate: number;

  @Field(() => Int, { description: 'YES votes.' })
  yes: number;

  @Field(() => Int, { description: 'NO votes.' })
  no: number;

  @Field(() => Int, { description: 'Abstentions.' })
  abstain: number;

  @Field(() => Int, { nullable: true, description: 'Present (meetings only).' })
  present: number | null;

  @Field({ description: 'Whether the quorum was met.' })
  quorumMet: boolean;

  @Field(() => Int, { description: 'YES needed.' })
  required: number;

  @Field({ description: 'Passed: quorum met and threshold reached.' })
  passed: boolean;

  @Field({ description: 'How the result was reached, in words.' })
  explanation: string;
}

@ObjectType('StandardBallotVoter', { description: 'A panel member of a ballot.' })
export class BallotVoterDTO {
  @Field({ description: 'Account.' })
  accountId: string;

  @Field({ description: 'Display name.' })
  displayName: string;

  @Field(() => ID, { nullable: true, description: 'Their unit.' })
  organizationId: string | null;

  @Field(() => ExclusionKind, { nullable: true, description: 'Why they do not vote, if excluded.' })
  exclusionReason: ExclusionKind | null;

  @Field({ description: 'Whether they have voted (positions are shown only once the ballot is closed).' })
  voted: boolean;

  @Field(() => VotePosition, { nullable: true, description: 'Their vote, once the ballot is closed.' })
  position: VotePosition | null;
}

@ObjectType('StandardBallot', { description: 'An expert ballot on a standard.' })
export class BallotDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The standard.' })
  standardId: string;

  @Field(() => BallotKind, { description: 'Project review or technical review.' })
  kind: BallotKind;

  @Field({ description: 'Name of the voting rule (libs/voting preset).' })
  rule: string;

  @Field({ description: 'OPEN or CLOSED.' })
  status: string;

  @Field(() => Boolean, { nullable: true, description: 'Whether it passed, once closed.' })
  passed: boolean | null;

  @Field(() => BallotOutcomeDTO, { nullable: true, description: 'The counted result, once closed.' })
  outcome: BallotOutcomeDTO | null;

  @Field({ description: 'When it opened.' })
  openedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it closed.' })
  closedAt: Date | null;
}

@ObjectType('StandardBallotReceipt', { description: 'Confirmation of a vote.' })
export class BallotReceiptDTO {
  @Field(() => ID, { description: 'The ballot.' })
  ballotId: string;

  @Field(() => VotePosition, { description: 'The vote recorded.' })
  position: VotePosition;

  @Field({ description: 'When it was recorded.' })
  castAt: Date;
}
