import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What became of one appointment carried by an adopted resolution (applied, pending or rejected, and why). */
@Entity({ name: 'resolution_appointment' })
export class ResolutionAppointmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  eventId: string;

  @Column('text')
  agendaItemId: string;

  @Column('integer')
  itemIndex: number;

  @Column({ type: 'uuid', nullable: true })
  councilTermId: string | null;

  @Column('text')
  post: string;

  @Column('text')
  holderName: string;

  @Column('text')
  outcome: 'APPLIED' | 'PENDING' | 'REJECTED';

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'uuid', nullable: true })
  officeId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
