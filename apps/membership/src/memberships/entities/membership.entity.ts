import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MembershipGradeName, MembershipStatusName } from '@app/messaging';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';
import { PersonEntity } from '../../people/entities/person.entity';

export type MemberKind = 'UNIT' | 'INDIVIDUAL';

/** A unit's or a person's membership of the association, from admission to its end. */
@Entity({ name: 'membership' })
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column({ type: 'text' })
  kind: MemberKind;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity | null;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @ManyToOne(() => PersonEntity, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity | null;

  @Column({ type: 'text', default: 'MEMBER' })
  grade: MembershipGradeName;

  @Column({ type: 'text', default: 'PENDING' })
  status: MembershipStatusName;

  @Column({ type: 'text', nullable: true })
  memberNumber: string | null;

  @Column({ type: 'text', nullable: true })
  certificateNumber: string | null;

  @Column({ type: 'date', nullable: true })
  admittedOn: string | null;

  /** Paid through this date (end of the last paid dues year). */
  @Column({ type: 'date', nullable: true })
  validUntil: string | null;

  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @Column({ type: 'integer', default: 1 })
  revision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
