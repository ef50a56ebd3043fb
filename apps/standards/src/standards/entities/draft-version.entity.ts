import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DraftClause } from '../draft-diff';

/** One version ("00", "01", …) of a standard's text; frozen when the standard moves forward. */
@Entity({ name: 'draft_version' })
export class DraftVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  standardId: string;

  @Column('text')
  version: string;

  @Column('text')
  label: string;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'jsonb', nullable: true })
  clauses: DraftClause[] | null;

  /** 编制说明. */
  @Column({ type: 'text', nullable: true })
  explanatoryNote: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  frozenAt: Date | null;

  @Column('text')
  authorAccountId: string;

  @Column('text')
  authorName: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
