import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StandardState } from '../../lifecycle/standard-lifecycle';

/** A group standard (团体标准) from proposal to withdrawal. */
@Entity({ name: 'standard' })
export class StandardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column()
  title: string;

  @Column({ type: 'text', nullable: true })
  englishTitle: string | null;

  @Column({ type: 'text' })
  state: StandardState;

  /** While ON_HOLD: the state it resumes into. */
  @Column({ type: 'text', nullable: true })
  heldFrom: StandardState | null;

  @Column('text')
  scope: string;

  @Column('text')
  necessity: string;

  /** Relation to existing national and industry standards. */
  @Column('text')
  relatedStandards: string;

  @Column('text', { array: true })
  plannedUnits: string[];

  @Column('text')
  patentPreDisclosure: string;

  @Column('boolean')
  touchesConsumers: boolean;

  @Column('text')
  proposerAccountId: string;

  @Column('text')
  proposerName: string;

  @Column({ type: 'uuid', nullable: true })
  proposerOrganizationId: string | null;

  @Column({ type: 'text', nullable: true })
  projectNumber: string | null;

  @Column({ type: 'uuid', nullable: true })
  leadUnitOrganizationId: string | null;

  @Column({ type: 'text', nullable: true })
  projectPlan: string | null;

  @Column({ type: 'date', nullable: true })
  projectDeadline: string | null;

  @Column({ type: 'date', nullable: true })
  projectApprovedOn: string | null;

  @Column({ type: 'text', nullable: true })
  code: string | null;

  @Column({ type: 'integer', nullable: true })
  codeYear: number | null;

  @Column({ type: 'integer', nullable: true })
  codeSequence: number | null;

  @Column({ type: 'text', nullable: true })
  approvalDocumentNumber: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'date', nullable: true })
  implementedOn: string | null;

  @Column({ type: 'date', nullable: true })
  nextReviewDue: string | null;

  @Column({ type: 'date', nullable: true })
  lastConfirmedOn: string | null;

  @Column({ type: 'text', nullable: true })
  platformReference: string | null;

  @Column({ type: 'date', nullable: true })
  platformSubmittedOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  replacesStandardId: string | null;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ type: 'timestamptz' })
  stateEnteredAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
