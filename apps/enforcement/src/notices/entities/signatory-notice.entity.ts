import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SignatoryNoticeKindName = 'CONVENTION_AMENDED';

/** A notice to one signatory unit, kept until (and after) the unit acknowledges it. */
@Entity({ name: 'signatory_notice' })
export class SignatoryNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  conventionId: string;

  @Column({ type: 'text' })
  kind: SignatoryNoticeKindName;

  @Column({ type: 'text' })
  subject: string;

  /** What the notice is about (for CONVENTION_AMENDED, the amendment). */
  @Column('uuid')
  referenceId: string;

  @Column({ type: 'uuid', nullable: true })
  conventionVersionId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  /** The account that acknowledged it for the unit. */
  @Column({ type: 'text', nullable: true })
  acknowledgedBy: string | null;
}
