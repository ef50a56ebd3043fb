import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type WorkingGroupRoleName = 'CONVENER' | 'EDITOR' | 'DRAFTER' | 'EXPERT' | 'SECRETARY' | 'OBSERVER';

/** A person's role in a standard's working group; ended memberships stay as history. */
@Entity({ name: 'working_group_member' })
export class WorkingGroupMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  standardId: string;

  @Column('text')
  accountId: string;

  @Column('text')
  displayName: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column('text')
  role: WorkingGroupRoleName;

  @Column({ type: 'timestamptz' })
  joinedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @Column({ type: 'text', nullable: true })
  leftReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
