import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type ConventionKindName = 'CONVENTION' | 'CODE_OF_ETHICS' | 'INITIATIVE' | 'SUB_INDUSTRY_AGREEMENT';

/** A convention (公约), code of ethics (职业道德准则), initiative (倡议书) or sub-industry agreement annexed to a parent convention. */
@Entity({ name: 'convention' })
export class ConventionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column({ type: 'text' })
  kind: ConventionKindName;

  @Column()
  title: string;

  /** The body that executes it (公约执行机构), usually the association itself. */
  @Column()
  executingBody: string;

  /** For an annexed sub-industry agreement: the convention it is annexed to. */
  @Column({ type: 'uuid', nullable: true })
  parentConventionId: string | null;

  /** Adoption needs the competent authority's approval. */
  @Column({ default: false })
  requiresAuthorityApproval: boolean;

  @Column({ type: 'text', nullable: true })
  competentAuthority: string | null;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
