import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A batch of the expert pool appointed together (第四批专家). */
@Entity({ name: 'expert_batch' })
export class ExpertBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('integer')
  batchNumber: number;

  @Column('text')
  name: string;

  @Column('date')
  appointedOn: string;

  @Column('date')
  termEndsOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
