import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ComplaintSourceName, ComplaintStageName, DecisionName, FindingName } from '../complaint-stage';

/** A complaint or report (投诉 / 检举 / 举报) against a signatory, through its stages. */
@Entity({ name: 'complaint' })
export class ComplaintEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  conventionId: string;

  /** The version in effect when it was received; alleged articles are numbered in it. */
  @Column('uuid')
  conventionVersionId: string;

  @Column('uuid')
  respondentOrganizationId: string;

  @Column({ type: 'text' })
  source: ComplaintSourceName;

  @Column()
  trackingCode: string;

  /** SHA-256 of the secret handed to the complainant; the secret itself is never stored. */
  @Column({ type: 'text', nullable: true })
  secretHash: string | null;

  @Column()
  anonymous: boolean;

  /** AES-256-GCM sealed identity; null when anonymous or purged. */
  @Column({ type: 'text', nullable: true })
  complainantIdentity: string | null;

  /** Keyed hash of the complainant's organization, for conflict checks. */
  @Column({ type: 'text', nullable: true })
  complainantOrganizationIndex: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  identityPurgedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  referralReference: string | null;

  @Column({ type: 'text', nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'text', nullable: true })
  requestFingerprint: string | null;

  @Column('integer', { array: true })
  articleNumbers: number[];

  @Column({ type: 'text' })
  facts: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: string[];

  @Column({ type: 'text' })
  stage: ComplaintStageName;

  @Column({ type: 'date' })
  stageEnteredOn: string;

  @Column({ type: 'date', nullable: true })
  stageDueOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  /** The stage that was overdue when escalated (a later stage may be escalated again). */
  @Column({ type: 'text', nullable: true })
  escalatedStage: ComplaintStageName | null;

  @Column({ type: 'text', nullable: true })
  admissibilityReason: string | null;

  @Column({ type: 'date', nullable: true })
  replyDueOn: string | null;

  @Column({ type: 'text', nullable: true })
  replyText: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  repliedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  finding: FindingName | null;

  @Column('integer', { array: true, nullable: true })
  breachedArticles: number[] | null;

  @Column({ default: false })
  adverseImpact: boolean;

  @Column({ type: 'text', nullable: true })
  findingSummary: string | null;

  @Column({ type: 'date', nullable: true })
  foundOn: string | null;

  @Column({ type: 'text', nullable: true })
  decision: DecisionName | null;

  @Column({ type: 'text', nullable: true })
  decisionSummary: string | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resultPublishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
