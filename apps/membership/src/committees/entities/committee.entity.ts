import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type CommitteeKindName = 'PROFESSIONAL' | 'WORKING';
export type CommitteePositionName = 'DIRECTOR' | 'DEPUTY_DIRECTOR' | 'SECRETARY_GENERAL' | 'MEMBER';

/** A committee of the association (专业委员会 / 工作委员会) with its charter. */
@Entity({ name: 'committee' })
export class CommitteeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: CommitteeKindName;

  @Column('text')
  charter: string;

  @Column('date')
  establishedOn: string;

  @Column({ type: 'date', nullable: true })
  dissolvedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A position on a committee (主任, 副主任, 秘书长, 委员), held from a date. */
@Entity({ name: 'committee_position' })
export class CommitteePositionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  committeeId: string;

  @Column('text')
  position: CommitteePositionName;

  @Column({ type: 'uuid', nullable: true })
  holderOrganizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  holderPersonId: string | null;

  @Column('text')
  holderName: string;

  @Column('date')
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A member unit of a committee, dated. */
@Entity({ name: 'committee_member_unit' })
export class CommitteeMemberUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  committeeId: string;

  @Column('uuid')
  organizationId: string;

  @Column('date')
  joinedOn: string;

  @Column({ type: 'date', nullable: true })
  leftOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
