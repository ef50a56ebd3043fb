import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SignerCapacityName = 'LEGAL_REPRESENTATIVE' | 'DELEGATE';
export type SignatureEndReasonName = 'WITHDRAWAL' | 'REVOCATION';

/**
 * A unit's signature of a convention version (签约成员). It is in force from `signedOn` until
 * `endedOn` (exclusive); ended by the unit's notice (WITHDRAWAL) or by a sanction (REVOCATION).
 * An appeal overturning a revocation restores the unit by a new signature linking the revoked one.
 */
@Entity({ name: 'convention_signature' })
export class ConventionSignatureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  conventionId: string;

  @Column('uuid')
  conventionVersionId: string;

  @Column('uuid')
  organizationId: string;

  @Column({ type: 'text' })
  signerCapacity: SignerCapacityName;

  @Column()
  signerName: string;

  @Column({ type: 'text', nullable: true })
  authorisationReference: string | null;

  @Column({ type: 'date' })
  signedOn: string;

  @Column('uuid')
  recordedBy: string;

  @Column({ type: 'text', nullable: true })
  endReason: SignatureEndReasonName | null;

  @Column({ type: 'date', nullable: true })
  noticeOn: string | null;

  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  /** For a signature revoked while a notice of withdrawal ran: the day the withdrawal would have taken effect. */
  @Column({ type: 'date', nullable: true })
  withdrawalEndsOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  sanctionId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  endRecordedAt: Date | null;

  /** For a signature restored by an overturned revocation: the revoked signature it restores. */
  @Column({ type: 'uuid', nullable: true })
  restoresSignatureId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
