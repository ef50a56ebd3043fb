import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BallotOutcome } from '@app/voting';

export type BallotKindName = 'PROJECT_REVIEW' | 'TECHNICAL_REVIEW';

/** An expert ballot on a standard: project review or technical review. */
@Entity({ name: 'ballot' })
export class BallotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  standardId: string;

  @Column('text')
  kind: BallotKindName;

  @Column('text')
  rule: string;

  @Column('text')
  status: 'OPEN' | 'CLOSED';

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  outcome: Omit<BallotOutcome, never> | null;

  @Column({ type: 'timestamptz' })
  openedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}

/** Someone on a ballot's roll: eligible, or excluded (drafter, conflict of interest) beforehand. */
@Entity({ name: 'ballot_voter' })
export class BallotVoterEntity {
  @PrimaryColumn('uuid')
  ballotId: string;

  @PrimaryColumn('text')
  accountId: string;

  @Column('text')
  displayName: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  expertId: string | null;

  @Column({ type: 'text', nullable: true })
  exclusionReason: 'DRAFTER' | 'CONFLICT_OF_INTEREST' | null;

  @Column({ type: 'text', nullable: true })
  exclusionNote: string | null;

  @Column({ type: 'text', nullable: true })
  position: 'YES' | 'NO' | 'ABSTAIN' | 'RECUSE' | null;

  @Column({ type: 'timestamptz', nullable: true })
  castAt: Date | null;

  @Column('boolean')
  present: boolean;
}
