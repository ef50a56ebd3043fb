import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type LicenceDeclarationName = 'FREE_OF_CHARGE' | 'REASONABLE_AND_NON_DISCRIMINATORY' | 'NOT_WILLING';

/** A patent disclosed for a standard, with the holder's licence declaration. */
@Entity({ name: 'patent_disclosure' })
export class PatentDisclosureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  standardId: string;

  @Column('text')
  patentNumber: string;

  @Column('text')
  title: string;

  @Column('text')
  holder: string;

  @Column('text')
  licenceDeclaration: LicenceDeclarationName;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** Another association publishing the standard jointly. */
@Entity({ name: 'joint_publisher' })
export class JointPublisherEntity {
  @PrimaryColumn('uuid')
  standardId: string;

  @PrimaryColumn('text')
  name: string;

  @Column('uuid')
  associationId: string;

  @Column('integer')
  position: number;
}

export type ActivityKindName = 'PROMOTION' | 'SEMINAR';

/** Promotion (宣贯) or a seminar held on a standard. */
@Entity({ name: 'activity' })
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  standardId: string;

  @Column('text')
  kind: ActivityKindName;

  @Column('text')
  title: string;

  @Column('date')
  heldOn: string;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  @Column({ type: 'integer', nullable: true })
  participantCount: number | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column('text')
  recordedByAccountId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
