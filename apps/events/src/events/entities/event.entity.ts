import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EventCategory } from '../../catalog/event-category';
import type { AudienceRule } from '../../catalog/event-category';

export type EventStatus = 'DRAFT' | 'PUBLISHED' | 'CANCELLED';

/** An activity of an association: congress, council meeting, forum, training … */
@Entity({ name: 'event' })
export class EventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column({ type: 'text' })
  category: EventCategory;

  @Column()
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  venue: string | null;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ type: 'text' })
  audience: AudienceRule;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  invitedOrganizationIds: string[];

  @Column({ default: false })
  requiresApproval: boolean;

  @Column({ type: 'integer', nullable: true })
  perUnitLimit: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancellationCutoffAt: Date | null;

  @Column('integer')
  offerMinutes: number;

  @Column({ default: false })
  allowProxy: boolean;

  @Column({ type: 'text', default: 'DRAFT' })
  status: EventStatus;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** 0 at creation, +1 per recorded change (update or cancellation); the iCal SEQUENCE. */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
