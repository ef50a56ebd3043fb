import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MembershipGradeName } from '@app/messaging';
import type { MemberKind } from '../../memberships/entities/membership.entity';

export type ApplicationStatus = 'SUBMITTED' | 'UNDER_REVIEW' | 'APPROVED' | 'REJECTED' | 'ADMITTED' | 'REVERSED';

/** The six admission criteria (入会基本条件), checked one by one. */
export type AdmissionCriterionName = 'LOCAL_REGISTRATION' | 'FIELD_OF_WORK' | 'OPERATING_ONE_YEAR' | 'GOOD_CREDIT' | 'TECHNICAL_CAPACITY' | 'CHARTER_AGREEMENT';

export const ADMISSION_CRITERIA: readonly AdmissionCriterionName[] = ['LOCAL_REGISTRATION', 'FIELD_OF_WORK', 'OPERATING_ONE_YEAR', 'GOOD_CREDIT', 'TECHNICAL_CAPACITY', 'CHARTER_AGREEMENT'];

export type CriterionResult = 'UNREVIEWED' | 'MET' | 'NOT_MET';

/** An application for membership (入会申请) by a unit or an individual. */
@Entity({ name: 'membership_application' })
export class MembershipApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column({ type: 'text' })
  kind: MemberKind;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Column()
  applicantName: string;

  @Column({ type: 'text', default: 'MEMBER' })
  requestedGrade: MembershipGradeName;

  /** A branch or office of a company registered elsewhere: needs a site visit (实地考察). */
  @Column({ default: false })
  branchOfOutsideCompany: boolean;

  @Column({ type: 'text', default: 'SUBMITTED' })
  status: ApplicationStatus;

  @Column({ type: 'date', nullable: true })
  siteVisitOn: string | null;

  @Column({ type: 'text', nullable: true })
  siteVisitResult: 'MET' | 'NOT_MET' | null;

  @Column({ type: 'text', nullable: true })
  siteVisitNote: string | null;

  @Column({ type: 'text', nullable: true })
  admissionNoticeNumber: string | null;

  @Column({ type: 'date', nullable: true })
  admissionNoticeOn: string | null;

  @Column({ type: 'text', nullable: true })
  rejectionReasons: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  membershipId: string | null;

  @Column('uuid')
  submittedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One criterion of one application: what the applicant states and what the reviewer found. */
@Entity({ name: 'application_criterion' })
export class ApplicationCriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  applicationId: string;

  @Column({ type: 'text' })
  criterion: AdmissionCriterionName;

  @Column({ type: 'text', nullable: true })
  applicantStatement: string | null;

  @Column({ type: 'text', default: 'UNREVIEWED' })
  result: CriterionResult;

  @Column({ type: 'text', nullable: true })
  reviewerNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;
}

/** Evidence uploaded with an application; the bytes live in the file storage under `storageKey`. */
@Entity({ name: 'attachment' })
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  applicationId: string;

  @Column({ type: 'text', nullable: true })
  criterion: AdmissionCriterionName | null;

  @Column()
  fileName: string;

  @Column()
  mimeType: string;

  @Column({ type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column()
  storageKey: string;

  @Column('uuid')
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Public notice (公示) of an admission, open to objections until `objectionsUntil`. */
@Entity({ name: 'public_notice' })
export class PublicNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  membershipId: string;

  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @Column({ type: 'date' })
  publishedOn: string;

  @Column({ type: 'date' })
  objectionsUntil: string;

  @Column({ type: 'text', default: 'OPEN' })
  status: 'OPEN' | 'CONFIRMED' | 'REVERSED';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An objection lodged against an admission during its public notice. */
@Entity({ name: 'objection' })
export class ObjectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  noticeId: string;

  @Column({ type: 'text', nullable: true })
  objectorName: string | null;

  @Column({ type: 'text', nullable: true })
  objectorContact: string | null;

  @Column()
  grounds: string;

  @Column({ type: 'text', default: 'RECEIVED' })
  status: 'RECEIVED' | 'UPHELD' | 'DISMISSED';

  @Column({ type: 'text', nullable: true })
  decisionNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
