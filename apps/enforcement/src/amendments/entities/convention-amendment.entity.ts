import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AmendmentStatusName = 'COLLECTING_SUPPORT' | 'PROPOSED' | 'BALLOT_OPEN' | 'ADOPTED' | 'REJECTED';
export type AmendmentProposerKindName = 'EXECUTING_BODY' | 'SIGNATORIES';
export type AmendmentVotePositionName = 'YES' | 'NO' | 'ABSTAIN';

/** A proposed amendment of a convention in effect: the full amended text, its support, ballot and result. */
@Entity({ name: 'convention_amendment' })
export class ConventionAmendmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  conventionId: string;

  /** The version in effect when it was proposed; the ballot amends that text. */
  @Column('uuid')
  baseVersionId: string;

  @Column()
  title: string;

  @Column({ type: 'text' })
  proposedText: string;

  @Column({ type: 'text', nullable: true })
  rationale: string | null;

  @Column({ type: 'text' })
  proposerKind: AmendmentProposerKindName;

  @Column({ type: 'uuid', nullable: true })
  proposerOrganizationId: string | null;

  @Column('uuid')
  proposedBy: string;

  @Column({ type: 'text' })
  status: AmendmentStatusName;

  /** ⌈1/10 × signatory units⌉ at the last co-signature (signatory proposals). */
  @Column({ type: 'integer', nullable: true })
  supportersRequired: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  proposedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  ballotOpenedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  ballotOpenedOn: string | null;

  @Column({ type: 'integer', nullable: true })
  rollSize: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  yesCount: number | null;

  @Column({ type: 'integer', nullable: true })
  noCount: number | null;

  @Column({ type: 'integer', nullable: true })
  abstainCount: number | null;

  @Column({ type: 'integer', nullable: true })
  votesRequired: number | null;

  @Column({ type: 'text', nullable: true })
  resultExplanation: string | null;

  @Column({ type: 'uuid', nullable: true })
  newVersionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A signatory unit supporting a proposal. */
@Entity({ name: 'amendment_cosignature' })
export class AmendmentCosignatureEntity {
  @PrimaryColumn('uuid')
  amendmentId: string;

  @PrimaryColumn('uuid')
  organizationId: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  signatureId: string;

  @Column('uuid')
  accountId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  cosignedAt: Date;
}

/** A unit on the roll frozen when the ballot opened. */
@Entity({ name: 'amendment_roll' })
export class AmendmentRollEntryEntity {
  @PrimaryColumn('uuid')
  amendmentId: string;

  @PrimaryColumn('uuid')
  organizationId: string;

  @Column('uuid')
  associationId: string;
}

/** One unit's vote. */
@Entity({ name: 'amendment_vote' })
export class AmendmentVoteEntity {
  @PrimaryColumn('uuid')
  amendmentId: string;

  @PrimaryColumn('uuid')
  organizationId: string;

  @Column('uuid')
  associationId: string;

  @Column({ type: 'text' })
  position: AmendmentVotePositionName;

  @Column('uuid')
  accountId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  castAt: Date;
}
