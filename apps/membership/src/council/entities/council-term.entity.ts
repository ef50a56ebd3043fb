import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A council term (第二届理事会): numbered, with its dates and the congress that elected it. */
@Entity({ name: 'council_term' })
export class CouncilTermEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('integer')
  termNumber: number;

  @Column('text')
  name: string;

  @Column('date')
  startsOn: string;

  @Column('date')
  endsOn: string;

  @Column({ type: 'text', nullable: true })
  electingCongressReference: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
