import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface Attachment {
  name: string;
  url: string;
}

/** One move of a standard between states; append-only (a trigger refuses updates and deletes). */
@Entity({ name: 'standard_transition' })
export class StandardTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  position: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  standardId: string;

  /** Null for the proposal itself. */
  @Column({ type: 'text', nullable: true })
  fromState: string | null;

  @Column('text')
  toState: string;

  @Column({ type: 'text', nullable: true })
  isoStageCode: string | null;

  @Column('text')
  actorAccountId: string;

  @Column('text')
  actorName: string;

  @Column({ type: 'uuid', nullable: true })
  actorOrganizationId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column('jsonb')
  attachments: Attachment[];

  @Column({ type: 'timestamptz' })
  occurredAt: Date;
}
