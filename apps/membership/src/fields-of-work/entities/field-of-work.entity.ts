import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of an association's own taxonomy of fields of work (业务领域). */
@Entity({ name: 'field_of_work' })
export class FieldOfWorkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column()
  name: string;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
