import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type DisputeStageName = 'NEGOTIATION' | 'MEDIATION' | 'SETTLED' | 'FAILED';

export interface DisputeLogEntry {
  at: string;
  actorAccountId: string;
  kind: string;
  note: string;
}

/** A dispute between two signatories: negotiation, then mediation by the executing body. */
@Entity({ name: 'dispute' })
export class DisputeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  conventionId: string;

  @Column('uuid')
  claimantOrganizationId: string;

  @Column('uuid')
  otherOrganizationId: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text', default: 'NEGOTIATION' })
  stage: DisputeStageName;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  log: DisputeLogEntry[];

  @Column({ type: 'timestamptz', nullable: true })
  mediationRequestedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  mediationRequestedBy: string | null;

  @Column({ type: 'text', nullable: true })
  settlementTerms: string | null;

  @Column({ type: 'date', nullable: true })
  settledOn: string | null;

  @Column({ type: 'text', nullable: true })
  failureReason: string | null;

  @Column({ type: 'date', nullable: true })
  failedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  complaintId: string | null;

  @Column('uuid')
  openedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
