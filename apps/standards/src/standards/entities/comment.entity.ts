import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CommenterKindName = 'MEMBER' | 'EXPERT' | 'PUBLIC';
export type CommentTypeName = 'ge' | 'te' | 'ed';
export type DispositionName = 'ACCEPTED' | 'PARTLY_ACCEPTED' | 'REJECTED' | 'NOTED';

/** A comment on a draft in the ISO/IEC template, with its disposition. */
@Entity({ name: 'comment' })
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  standardId: string;

  @Column('uuid')
  consultationId: string;

  @Column('text')
  commenterKind: CommenterKindName;

  @Column({ type: 'text', nullable: true })
  commenterAccountId: string | null;

  @Column('text')
  commenterName: string;

  @Column({ type: 'text', nullable: true })
  commenterOrganization: string | null;

  /** Personal data: shown masked in every list. */
  @Column({ type: 'text', nullable: true })
  commenterContact: string | null;

  @Column('text')
  clause: string;

  @Column({ type: 'text', nullable: true })
  paragraph: string | null;

  @Column('text')
  commentType: CommentTypeName;

  @Column('text')
  comment: string;

  @Column({ type: 'text', nullable: true })
  proposedChange: string | null;

  @Column({ type: 'text', nullable: true })
  disposition: DispositionName | null;

  @Column({ type: 'text', nullable: true })
  observation: string | null;

  @Column({ type: 'text', nullable: true })
  resolvedByAccountId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
