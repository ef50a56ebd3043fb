import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MembershipStatusName } from '@app/messaging';
import { MembershipEntity } from './membership.entity';

/** One dated step of a membership's history and the decision behind it. Append-only. */
@Entity({ name: 'membership_status_change' })
export class MembershipStatusChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  membershipId: string;

  @ManyToOne(() => MembershipEntity, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'membership_id' })
  membership?: MembershipEntity;

  @Column({ type: 'text' })
  previousStatus: MembershipStatusName;

  @Column({ type: 'text' })
  status: MembershipStatusName;

  @Column({ type: 'date' })
  effectiveOn: string;

  @Column()
  reason: string;

  @Column({ type: 'text', nullable: true })
  decisionReference: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
