import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CouncilPostName } from '@app/messaging';

/** One holding of a council post in a term, by an organization and/or a person, from a date. */
@Entity({ name: 'council_office' })
export class CouncilOfficeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  councilTermId: string;

  @Column('text')
  post: CouncilPostName;

  @Column({ type: 'uuid', nullable: true })
  holderOrganizationId: string | null;

  /** The person in the membership core; no foreign key, the name below is what we show. */
  @Column({ type: 'uuid', nullable: true })
  holderPersonId: string | null;

  @Column('text')
  holderName: string;

  @Column({ type: 'text', nullable: true })
  holderTitle: string | null;

  /** The account that casts this seat's votes in council ballots. */
  @Column({ type: 'uuid', nullable: true })
  voterAccountId: string | null;

  @Column('date')
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'text', nullable: true })
  endReason: string | null;

  /** Position in the rotating-presidency schedule; set only for ROTATING_PRESIDENT. */
  @Column({ type: 'integer', nullable: true })
  rotationOrder: number | null;

  @Column({ type: 'text', default: 'MANUAL' })
  source: 'MANUAL' | 'RESOLUTION';

  @Column({ type: 'text', nullable: true })
  sourceReference: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
