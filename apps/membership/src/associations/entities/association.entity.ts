import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The tenant: one association hosted on this deployment. */
@Entity({ name: 'association' })
export class AssociationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  /** Used in group-standard numbers, e.g. T/WHCSA 001—2024. */
  @Column({ unique: true })
  shortCode: string;

  @Column({ type: 'text', nullable: true })
  executingBody: string | null;

  @Column({ type: 'text', nullable: true })
  supervisingAuthority: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
