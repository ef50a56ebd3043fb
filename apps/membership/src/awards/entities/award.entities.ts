import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AwardCategoryName = 'EXCELLENT_MEMBER_UNIT' | 'EXCELLENT_WORKER';
export type AwardRoundStatusName = 'NOMINATING' | 'SCORING' | 'APPROVAL' | 'APPROVAL_FAILED' | 'NOTICE' | 'FINAL';
export type ApprovalPositionName = 'YES' | 'NO' | 'ABSTAIN' | 'RECUSE';

/** One year's round of one award category (优秀会员单位, 优秀工作者). */
@Entity({ name: 'award_round' })
export class AwardRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('integer')
  year: number;

  @Column('text')
  category: AwardCategoryName;

  @Column('text')
  title: string;

  @Column('integer')
  shortlistSize: number;

  @Column({ type: 'text', default: 'NOMINATING' })
  status: AwardRoundStatusName;

  @Column({ type: 'date', nullable: true })
  noticeStartsOn: string | null;

  @Column({ type: 'date', nullable: true })
  noticeEndsOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A nomination: a unit, or a person (with their employer unit when known). */
@Entity({ name: 'award_nomination' })
export class AwardNominationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  roundId: string;

  /** The nominated unit, or the nominated person's employer. */
  @Column({ type: 'uuid', nullable: true })
  nomineeOrganizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  nomineePersonId: string | null;

  @Column('text')
  nomineeName: string;

  @Column('text')
  citation: string;

  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true })
  averageScore: string | null;

  @Column({ type: 'integer', nullable: true })
  rank: number | null;

  @Column({ type: 'boolean', default: false })
  shortlisted: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A member of a round's scoring panel, with the organizations they must not score. */
@Entity({ name: 'award_panel_member' })
export class AwardPanelMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  roundId: string;

  @Column('text')
  name: string;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  /** The member's account, when they enter their own scores. */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column('uuid', { array: true, default: () => `'{}'` })
  conflictedOrganizationIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'award_score' })
export class AwardScoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  nominationId: string;

  @Column('uuid')
  panelMemberId: string;

  @Column({ type: 'numeric', precision: 5, scale: 2 })
  score: string;

  @Column('uuid')
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}

export interface ApprovalRollEntry {
  officeId: string;
  post: string;
  holderName: string;
  voterAccountId: string | null;
}

/** The council's ballot approving a round's shortlist; the roll is frozen when it opens. */
@Entity({ name: 'award_approval_ballot' })
export class AwardApprovalBallotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  roundId: string;

  @Column('date')
  electorateOn: string;

  @Column('jsonb')
  roll: ApprovalRollEntry[];

  @Column('uuid')
  openedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  outcome: { yes: number; no: number; abstain: number; recuse: number; electorate: number; present: number | null; explanation: string } | null;
}

@Entity({ name: 'award_approval_vote' })
export class AwardApprovalVoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  ballotId: string;

  @Column('uuid')
  officeId: string;

  @Column('text')
  position: ApprovalPositionName;

  @Column('uuid')
  castBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  castAt: Date;
}
