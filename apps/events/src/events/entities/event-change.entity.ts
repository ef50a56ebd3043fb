import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type EventChangeKindName = 'UPDATED' | 'CANCELLED';

/** Values of the changed fields, by field name (dates as ISO strings). */
export type EventFieldValues = Record<string, string | number | null>;

/** One change to an event after creation; append-only (a trigger refuses updates and deletes). */
@Entity({ name: 'event_change' })
export class EventChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  eventId: string;

  /** The event's revision this change produced. */
  @Column('integer')
  revision: number;

  @Column({ type: 'text' })
  kind: EventChangeKindName;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb' })
  before: EventFieldValues;

  @Column({ type: 'jsonb' })
  after: EventFieldValues;

  @Column('uuid')
  actorAccountId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
