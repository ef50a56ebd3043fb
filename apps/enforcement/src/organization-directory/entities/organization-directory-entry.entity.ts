import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MembershipStatusName } from '@app/messaging';

/**
 * Enforcement's local copy of the organizations membership owns, fed only by membership's events:
 * complaints and signatures need names and membership status without calling another service.
 */
@Entity({ name: 'organization_directory' })
export class OrganizationDirectoryEntryEntity {
  @PrimaryColumn('uuid')
  organizationId: string;

  @Column('uuid')
  associationId: string;

  @Column()
  name: string;

  @Column({ length: 18 })
  creditCode: string;

  @Column({ type: 'text' })
  membershipStatus: MembershipStatusName;

  /** The source's revision: older events never overwrite newer data. */
  @Column('integer')
  revision: number;

  @Column('uuid')
  lastEventId: string;

  @Column({ type: 'timestamptz' })
  sourceUpdatedAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
