import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentIdentity, type Identity, requireReadAccess } from '@app/auth';
import { AssociationPageArgs, type ConnectionShape, NotFoundError, paginate } from '@app/common';
import { OrganizationDirectoryEntryEntity } from './entities/organization-directory-entry.entity';
import {
  OrganizationDirectoryEntryConnection,
  OrganizationDirectoryEntryDTO,
  toDirectoryEntryDTO,
} from './dtos/organization-directory-entry.dto';

@Resolver(() => OrganizationDirectoryEntryDTO)
export class OrganizationDirectoryResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => OrganizationDirectoryEntryConnection, { description: "Organizations of an association as enforcement knows them, oldest first." })
  async organizationDirectory(
    @CurrentIdentity() caller: Identity | undefined,
    @Args() page: AssociationPageArgs,
  ): Promise<ConnectionShape<OrganizationDirectoryEntryDTO>> {
    const { associationId } = page;
    requireReadAccess(caller, associationId);
    const qb = this.dataSource
      .getRepository(OrganizationDirectoryEntryEntity)
      .createQueryBuilder('d')
      .where('d.association_id = :associationId', { associationId });
    return paginate(qb, page, { createdAt: 'd.created_at', id: 'd.organization_id' }, toDirectoryEntryDTO);
  }

  @Query(() => OrganizationDirectoryEntryDTO, { description: "One organization as enforcement knows it." })
  async organizationDirectoryEntry(
    @CurrentIdentity() caller: Identity | undefined,
    @Args('organizationId', { type: () => ID, description: 'The organization.' }) organizationId: string,
  ): Promise<OrganizationDirectoryEntryDTO> {
    const entry = await this.dataSource.getRepository(OrganizationDirectoryEntryEntity).findOne({ where: { organizationId } });
    if (!entry) throw new NotFoundError('Organization', organizationId);
    requireReadAccess(caller, entry.associationId);
    return toDirectoryEntryDTO(entry);
  }
}
