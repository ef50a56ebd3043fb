import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A public-comment period on a frozen draft (征求意见). */
@Entity({ name: 'consultation' })
export class ConsultationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  standardId: string;

  @Column('uuid')
  draftVersionId: string;

  @Column('date')
  opensOn: string;

  @Column('date')
  closesOn: string;

  @Column('boolean')
  isPublic: boolean;

  @Column('text', { array: true })
  channels: string[];

  @Column('text')
  status: 'OPEN' | 'CLOSED';

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
