import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** An expert of the pool: who, which fields, the appointment letter and term. Contacts are personal data. */
@Entity({ name: 'expert' })
export class ExpertEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  batchId: string;

  /** The person in the membership core; no foreign key. */
  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  /** The expert's own account, so they can see the panels they were drawn for. */
  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column('text')
  name: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'uuid', nullable: true })
  employerOrganizationId: string | null;

  @Column('text', { array: true })
  fields: string[];

  @Column({ type: 'text', nullable: true })
  letterNumber: string | null;

  @Column({ type: 'date', nullable: true })
  letterDate: string | null;

  @Column('date')
  appointedOn: string;

  @Column('date')
  termEndsOn: string;

  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
