import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of a case's activity log. */
@Entity({ name: 'complaint_activity' })
export class ComplaintActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  complaintId: string;

  @Column()
  kind: string;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  actorAccountId: string | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;
}

/** An investigator assigned to a case; recusal keeps the row. */
@Entity({ name: 'complaint_investigator' })
export class ComplaintInvestigatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  complaintId: string;

  @Column('uuid')
  accountId: string;

  @Column()
  name: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column('uuid')
  assignedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  assignedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  recusedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  recusalReason: string | null;
}

/** An organization an investigator declared a conflict of interest with. */
@Entity({ name: 'investigator_conflict' })
export class InvestigatorConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  accountId: string;

  @Column('uuid')
  organizationId: string;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  declaredAt: Date;
}

/** Audit: who read a complainant's identity, when, why, in which request. */
@Entity({ name: 'complainant_identity_read' })
export class ComplainantIdentityReadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  complaintId: string;

  @Column('uuid')
  readerAccountId: string;

  @Column({ type: 'text' })
  purpose: string;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  readAt: Date;
}
