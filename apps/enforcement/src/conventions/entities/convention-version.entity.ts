import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ImportWarning } from '../text/convention-text-importer';

export type ConventionVersionStatusName = 'DRAFT' | 'ADOPTED' | 'EFFECTIVE' | 'SUPERSEDED';
export type AdoptionMethodName = 'MEMBER_CONGRESS_VOTE' | 'INITIATOR_SIGNATURES' | 'SIGNATORY_CONSENT' | 'AMENDMENT_BALLOT';

/** Someone whose signature brought a convention into being (发起单位 or 发起人). */
export interface InitiatorRecord {
  /** The initiating unit, when it is a known organization. */
  organizationId: string | null;
  /** The unit's or the person's name as signed. */
  name: string;
  signerCapacity: 'LEGAL_REPRESENTATIVE' | 'DELEGATE' | 'INDIVIDUAL';
  authorisationReference: string | null;
  signedOn: string;
}

/** One version of a convention's text and how it was adopted. */
@Entity({ name: 'convention_version' })
export class ConventionVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  conventionId: string;

  @Column('integer')
  versionNumber: number;

  @Column({ type: 'text', default: 'DRAFT' })
  status: ConventionVersionStatusName;

  @Column()
  title: string;

  @Column({ type: 'text' })
  sourceText: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  importWarnings: ImportWarning[];

  @Column({ type: 'text', nullable: true })
  adoptionMethod: AdoptionMethodName | null;

  @Column({ type: 'date', nullable: true })
  adoptedOn: string | null;

  @Column({ type: 'text', nullable: true })
  adoptionReference: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  initiators: InitiatorRecord[];

  @Column({ type: 'integer', nullable: true })
  consentingUnits: number | null;

  @Column({ type: 'integer', nullable: true })
  consentRollSize: number | null;

  @Column({ type: 'text', nullable: true })
  approvingAuthority: string | null;

  @Column({ type: 'text', nullable: true })
  authorityApprovalReference: string | null;

  @Column({ type: 'date', nullable: true })
  authorityApprovedOn: string | null;

  @Column({ type: 'date', nullable: true })
  effectiveOn: string | null;

  /** 30 days after it takes effect. */
  @Column({ type: 'date', nullable: true })
  publicationDeadline: string | null;

  @Column({ type: 'date', nullable: true })
  publishedOn: string | null;

  @Column({ type: 'text', nullable: true })
  publicationChannel: string | null;

  @Column({ type: 'date', nullable: true })
  supersededOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  supersededByVersionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  amendmentId: string | null;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
