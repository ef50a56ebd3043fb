import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RespondentKindName = 'UNIT' | 'INDIVIDUAL';

/** A feedback form (意见反馈表) on one or more drafts, from a unit or an individual. */
@Entity({ name: 'convention_feedback' })
export class ConventionFeedbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column({ type: 'text' })
  respondentKind: RespondentKindName;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  /** The unit's name, or the individual's. */
  @Column()
  respondentName: string;

  @Column()
  contactName: string;

  @Column({ type: 'text', nullable: true })
  contactPosition: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  /** The drafts the form comments on. */
  @Column({ type: 'uuid', array: true })
  versionIds: string[];

  @Column({ type: 'text', nullable: true })
  otherSuggestions: string | null;

  /** Signed by the individual (个人签名). */
  @Column()
  signed: boolean;

  /** Sealed by the unit (加盖公章). */
  @Column()
  sealed: boolean;

  @Column({ type: 'date' })
  submittedOn: string;

  @Column({ type: 'uuid', nullable: true })
  submittedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** One opinion on one article of a draft, with proposed wording. */
@Entity({ name: 'convention_feedback_opinion' })
export class ConventionFeedbackOpinionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  feedbackId: string;

  @Column('uuid')
  versionId: string;

  @Column('integer')
  articleNumber: number;

  @Column({ type: 'text' })
  opinion: string;

  @Column({ type: 'text', nullable: true })
  proposedWording: string | null;

  @Column('integer')
  position: number;
}
