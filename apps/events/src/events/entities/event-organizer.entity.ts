import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum OrganizerRole {
  /** 指导单位 */
  GUIDANCE = 'GUIDANCE',
  /** 主办单位 */
  HOST = 'HOST',
  /** 承办单位 */
  ORGANIZER = 'ORGANIZER',
  /** 协办单位 */
  CO_ORGANIZER = 'CO_ORGANIZER',
  /** 支持单位 */
  SUPPORTER = 'SUPPORTER',
}

@Entity({ name: 'event_organizer' })
export class EventOrganizerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  eventId: string;

  @Column()
  name: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'text' })
  role: OrganizerRole;

  @Column('integer')
  position: number;
}
