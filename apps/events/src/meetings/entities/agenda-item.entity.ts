import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AgendaItemKind, AgendaItemStatus } from '../resolution-rules';
import type { CouncilPostName } from '@app/messaging';

export interface AppointmentData {
  councilTermId: string | null;
  post: CouncilPostName;
  organizationId: string | null;
  personId: string | null;
  holderName: string;
  startsOn: string;
  endsOn: string | null;
}

/** An item on a congress or council meeting agenda (议题), voted under the rule its kind needs. */
@Entity({ name: 'agenda_item' })
export class AgendaItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  eventId: string;

  @Column('integer')
  position: number;

  @Column()
  title: string;

  @Column({ type: 'text' })
  kind: AgendaItemKind;

  @Column()
  rule: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  appointments: AppointmentData[];

  @Column({ type: 'text', default: 'PENDING' })
  status: AgendaItemStatus;

  /** The electorate frozen when the vote opened. */
  @Column({ type: 'jsonb', nullable: true })
  electorateRoll: string[] | null;

  @Column({ type: 'integer', nullable: true })
  electorateSize: number | null;

  @Column({ type: 'integer', nullable: true })
  presentCount: number | null;

  @Column({ type: 'integer', nullable: true })
  yes: number | null;

  @Column({ type: 'integer', nullable: true })
  no: number | null;

  @Column({ type: 'integer', nullable: true })
  abstain: number | null;

  @Column({ type: 'text', nullable: true })
  explanation: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
