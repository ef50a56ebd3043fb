import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signatory's report on the executing body or its staff, for the supervising authority only. */
@Entity({ name: 'oversight_report' })
export class OversightReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  reporterOrganizationId: string;

  @Column('uuid')
  reporterAccountId: string;

  @Column({ type: 'text' })
  subject: 'EXECUTING_BODY' | 'STAFF';

  @Column({ type: 'text', nullable: true })
  staffName: string | null;

  @Column({ type: 'uuid', nullable: true })
  conventionId: string | null;

  @Column({ type: 'text' })
  allegation: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
