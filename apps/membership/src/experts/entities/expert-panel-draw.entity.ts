import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A recorded random draw of a panel: the candidates, the seed and the result, and who drew it. */
@Entity({ name: 'expert_panel_draw' })
export class ExpertPanelDrawEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('text')
  purpose: string;

  @Column({ type: 'text', nullable: true })
  field: string | null;

  @Column('integer')
  size: number;

  @Column('date')
  onDate: string;

  @Column('uuid', { array: true })
  excludedOrganizationIds: string[];

  @Column('uuid', { array: true })
  eligibleExpertIds: string[];

  @Column('uuid', { array: true })
  drawnExpertIds: string[];

  @Column('text')
  seed: string;

  @Column('uuid')
  drawnBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  drawnAt: Date;
}
