import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SanctionGradeName } from '@app/messaging';

/** A sanction enforcement imposed on an organization, as it appears on the organization's record. */
@Entity({ name: 'sanction_record' })
export class SanctionRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  organizationId: string;

  @Column('uuid')
  sanctionId: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  conventionId: string;

  @Column({ type: 'text' })
  grade: SanctionGradeName;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  basisArticles: string[];

  @Column({ type: 'date' })
  decidedOn: string;

  @Column({ type: 'text' })
  publicationScope: 'INTERNAL' | 'PUBLIC';

  @Column({ type: 'date', nullable: true })
  publishedUntil: string | null;

  @Column('uuid')
  eventId: string;

  /** Date the sanction was overturned on appeal; null while it stands. The record is kept either way. */
  @Column({ type: 'date', nullable: true })
  overturnedOn: string | null;

  /** The enforcement.sanction.overturned event that marked it overturned. */
  @Column({ type: 'uuid', nullable: true })
  overturnEventId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
