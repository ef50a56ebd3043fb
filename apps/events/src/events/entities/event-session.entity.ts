import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One part of an event's schedule (议程安排). */
@Entity({ name: 'event_session' })
export class EventSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  eventId: string;

  @Column()
  title: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  location: string | null;
}
