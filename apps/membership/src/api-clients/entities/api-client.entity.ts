import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A regulator's system calling the REST API. Its key is shown once; only its hash is kept. */
@Entity({ name: 'api_client' })
export class ApiClientEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  @Column({ unique: true, select: false })
  keyHash: string;

  /** The key's first characters, to recognise it in lists. */
  @Column()
  keyPrefix: string;

  /** Associations the client may read (those the regulator supervises). */
  @Column({ type: 'uuid', array: true })
  associationIds: string[];

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
