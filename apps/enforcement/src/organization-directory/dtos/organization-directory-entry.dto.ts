import { Directive, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '@app/common';
import type { OrganizationDirectoryEntryEntity } from '../entities/organization-directory-entry.entity';

/** Membership's Organization, referenced by id; membership resolves it (for callers allowed to read it). */
@ObjectType('Organization', { description: 'A unit (单位) known to the association: member, applicant or signatory.' })
@Directive('@key(fields: "id", resolvable: false)')
export class OrganizationReference {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;
}

@ObjectType('OrganizationDirectoryEntry', {
  description: "Enforcement's copy of an organization, kept current from membership's events (name, credit code, membership status).",
})
export class OrganizationDirectoryEntryDTO {
  @Field(() => ID, { description: 'The organization.' })
  organizationId: string;

  @Field(() => ID, { description: 'Its association.' })
  associationId: string;

  @Field({ description: 'Registered legal name, as last reported by membership.' })
  name: string;

  @Field({ description: 'Unified social credit code.' })
  creditCode: string;

  @Field({ description: 'Membership status, as last reported by membership.' })
  membershipStatus: string;

  @Field(() => Int, { description: 'The source revision this copy reflects.' })
  revision: number;

  @Field({ description: 'When membership made the change this copy reflects.' })
  sourceUpdatedAt: Date;

  @Field(() => OrganizationReference, { description: 'The full organization record, from membership.' })
  organization: OrganizationReference;
}

export const OrganizationDirectoryEntryConnection = Connection(OrganizationDirectoryEntryDTO, 'OrganizationDirectoryEntry');

export function toDirectoryEntryDTO(entity: OrganizationDirectoryEntryEntity): OrganizationDirectoryEntryDTO {
  const { organizationId, associationId, name, creditCode, membershipStatus, revision, sourceUpdatedAt } = entity;
  return { organizationId, associationId, name, creditCode, membershipStatus, revision, sourceUpdatedAt, organization: { id: organizationId } };
}
