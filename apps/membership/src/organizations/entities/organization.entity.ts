import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { MembershipStatusName } from '@app/messaging';

/** A unit (单位) known to the association: member, applicant or former member. */
@Entity({ name: 'organization' })
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column()
  name: string;

  /** Unified social credit code (统一社会信用代码), unique within the association. */
  @Column({ length: 18 })
  creditCode: string;

  /** Mirrors the status of its live (or latest) membership; NONE when it has never been a member. */
  @Column({ type: 'text', default: 'NONE' })
  membershipStatus: MembershipStatusName;

  @Column({ type: 'text', nullable: true })
  legalRepresentative: string | null;

  @Column({ type: 'text', nullable: true })
  registeredCity: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  /** ISO date YYYY-MM-DD. */
  @Column({ type: 'date', nullable: true })
  foundedOn: string | null;

  @Column({ type: 'integer', nullable: true })
  technicalStaffCount: number | null;

  /** Grows with every change; events carry it so consumers can drop stale updates. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
