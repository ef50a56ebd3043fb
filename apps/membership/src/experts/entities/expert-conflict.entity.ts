import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An organization an expert must not judge, as the expert declared. */
@Entity({ name: 'expert_conflict' })
export class ExpertConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  expertId: string;

  @Column('uuid')
  organizationId: string;

  @Column('text')
  reason: string;

  @Column('date')
  declaredOn: string;
}
