import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a published bulletin (public fields only). */
export interface StoredBulletinEntry {
  signatureId: string;
  organizationId: string;
  organizationName: string;
  conventionId: string;
  conventionTitle: string;
  versionNumber: number;
  date: string;
  reason: 'WITHDRAWAL' | 'REVOCATION' | null;
  /** For a restoration after an overturned revocation: the revoked signature (absent in bulletins published before). */
  restoresSignatureId?: string | null;
}

/** A published join and leave list (加入及退出名单) of one period, frozen as published. */
@Entity({ name: 'signatory_bulletin' })
export class SignatoryBulletinEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column({ type: 'date' })
  periodFrom: string;

  @Column({ type: 'date' })
  periodTo: string;

  @Column({ type: 'jsonb' })
  joined: StoredBulletinEntry[];

  @Column({ type: 'jsonb' })
  left: StoredBulletinEntry[];

  @Column('integer')
  joinedCount: number;

  @Column('integer')
  leftCount: number;

  /** SCHEDULE, or the account that published it. */
  @Column()
  publishedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;
}
