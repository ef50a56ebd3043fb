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

  @Column({ type: 'text', default: 'NONE' })
  membershipStatus: MembershipStatusName;

  /** Grows with every change; events carry it so consumers can drop stale updates. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
