import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SanctionGradeName } from '@app/messaging';
import type { PublicationScopeName } from '../../complaints/complaint-stage';

export type SanctionStatusName = 'IN_FORCE' | 'UNDER_APPEAL' | 'UPHELD' | 'OVERTURNED';
/** What overturning a revocation did to the unit's signature. */
export type SignatureRestorationName = 'RESTORED' | 'ALREADY_SIGNATORY' | 'NO_SIGNABLE_VERSION' | 'WITHDRAWN_MEANWHILE';

/** A graded sanction decided on a complaint, with its publication and appeal. */
@Entity({ name: 'sanction' })
export class SanctionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  complaintId: string;

  @Column('uuid')
  conventionId: string;

  @Column('uuid')
  organizationId: string;

  @Column({ type: 'text' })
  grade: SanctionGradeName;

  @Column('integer', { array: true })
  basisArticles: number[];

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text' })
  publicationScope: PublicationScopeName;

  @Column({ type: 'date' })
  publishedFrom: string;

  @Column({ type: 'date' })
  publishedUntil: string;

  @Column({ type: 'date' })
  decidedOn: string;

  @Column({ type: 'date' })
  appealDeadline: string;

  @Column({ type: 'text', default: 'IN_FORCE' })
  status: SanctionStatusName;

  @Column({ type: 'text', nullable: true })
  appealGrounds: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  appealedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  appealOutcome: 'UPHELD' | 'OVERTURNED' | null;

  @Column({ type: 'text', nullable: true })
  appealReason: string | null;

  @Column({ type: 'date', nullable: true })
  appealDecidedOn: string | null;

  /** For a revocation: the signature it ended. */
  @Column({ type: 'uuid', nullable: true })
  signatureId: string | null;

  /** For an overturned revocation: whether the signature was restored, or why not. */
  @Column({ type: 'text', nullable: true })
  signatureRestoration: SignatureRestorationName | null;

  /** For an overturned revocation: the signature that restored the unit, if one was made. */
  @Column({ type: 'uuid', nullable: true })
  restoredSignatureId: string | null;

  /** When the register-expiry job took it off the public register. */
  @Column({ type: 'timestamptz', nullable: true })
  delistedAt: Date | null;

  @Column('uuid')
  decidedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A commendation (表彰) for exemplary practice under a convention. */
@Entity({ name: 'commendation' })
export class CommendationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  conventionId: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text', nullable: true })
  personName: string | null;

  @Column({ type: 'text' })
  citation: string;

  @Column('integer', { array: true, default: () => "'{}'" })
  basisArticles: number[];

  @Column({ type: 'text' })
  publicationScope: PublicationScopeName;

  @Column({ type: 'date' })
  publishedFrom: string;

  @Column({ type: 'date' })
  publishedUntil: string;

  @Column({ type: 'date' })
  decidedOn: string;

  @Column({ type: 'timestamptz', nullable: true })
  delistedAt: Date | null;

  @Column('uuid')
  decidedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
