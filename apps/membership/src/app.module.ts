import { type DynamicModule, Module } from '@nestjs/common';
import { AccessTokenSigner, AccessTokenVerifier } from '@app/auth';
import { ensureDevelopmentKeys } from '@app/config';
import { SubgraphModule } from '@app/subgraph';
import { ApiClientsResolver } from './api-clients/api-clients.resolver';
import { ApiClientsService } from './api-clients/api-clients.service';
import { ApiClientEntity } from './api-clients/entities/api-client.entity';
import { AssociationsResolver } from './associations/associations.resolver';
import { AssociationsService } from './associations/associations.service';
import { AssociationEntity } from './associations/entities/association.entity';
import { AuditService } from './audit/audit.service';
import { AuditEntryEntity } from './audit/entities/audit-entry.entity';
import type { MembershipConfig } from './config/membership.config';
import { GOVERNANCE_ENTITIES, GOVERNANCE_PROVIDERS } from './council/governance.parts';
import { AccountEntity } from './identity/entities/account.entity';
import { RoleGrantEntity } from './identity/entities/role-grant.entity';
import { IdentityResolver, RoleGrantResolver } from './identity/identity.resolver';
import { IdentityService } from './identity/identity.service';
import { OperationsResolver } from './operations/operations.resolver';
import { AdmissionResolver } from './admission/admission.resolver';
import { AdmissionService } from './admission/admission.service';
import { ApplicationCriterionEntity, AttachmentEntity, MembershipApplicationEntity, ObjectionEntity, PublicNoticeEntity } from './admission/entities/membership-application.entity';
import { FieldOfWorkEntity } from './fields-of-work/entities/field-of-work.entity';
import { FieldsOfWorkResolver } from './fields-of-work/fields-of-work.resolver';
import { FieldsOfWorkService } from './fields-of-work/fields-of-work.service';
import { ImportMembersProcessor } from './imports/jobs/import-members.processor';
import { DuesInvoiceEntity, DuesScheduleEntity } from './memberships/entities/dues.entity';
import { MembershipStatusChangeEntity } from './memberships/entities/membership-status-change.entity';
import { MembershipEntity } from './memberships/entities/membership.entity';
import { DuesSweepProcessor } from './memberships/jobs/dues-sweep.processor';
import { MemberDirectoryService } from './memberships/member-directory.service';
import { MembershipsResolver } from './memberships/memberships.resolver';
import { MembershipsService } from './memberships/memberships.service';
import { PersonEntity } from './people/entities/person.entity';
import { PeopleResolver } from './people/people.resolver';
import { PeopleService } from './people/people.service';
import { SanctionRecordEntity } from './sanctions/entities/sanction-record.entity';
import { SanctionsProjector } from './sanctions/sanctions.projector';
import { FileStorage, LocalDiskFileStorage } from './storage/file-storage';
import { OrganizationEntity } from './organizations/entities/organization.entity';
import { RepublishOrganizationsProcessor } from './organizations/jobs/republish-organizations.processor';
import { OrganizationsResolver } from './organizations/organizations.resolver';
import { OrganizationsService } from './organizations/organizations.service';

export const MEMBERSHIP_ENTITIES = [
  AssociationEntity,
  AccountEntity,
  RoleGrantEntity,
  ApiClientEntity,
  OrganizationEntity,
  AuditEntryEntity,
  FieldOfWorkEntity,
  PersonEntity,
  MembershipEntity,
  MembershipStatusChangeEntity,
  DuesScheduleEntity,
  DuesInvoiceEntity,
  MembershipApplicationEntity,
  ApplicationCriterionEntity,
  AttachmentEntity,
  PublicNoticeEntity,
  ObjectionEntity,
  SanctionRecordEntity,
  ...GOVERNANCE_ENTITIES,
];

@Module({})
export class MembershipAppModule {
  static forRoot(config: MembershipConfig): DynamicModule {
    return {
      module: MembershipAppModule,
      imports: [SubgraphModule.forService({ service: 'membership', config, entities: MEMBERSHIP_ENTITIES })],
      providers: [
        {
          provide: AccessTokenSigner,
          inject: [AccessTokenVerifier],
          useFactory: (verifier: AccessTokenVerifier) => {
            const signer = new AccessTokenSigner(config.AUTH_PRIVATE_KEY ?? ensureDevelopmentKeys().privateKeyPem);
            assertKeyPair(signer, verifier);
            return signer;
          },
        },
        AuditService,
        IdentityService,
        IdentityResolver,
        RoleGrantResolver,
        ApiClientsService,
        ApiClientsResolver,
        AssociationsService,
        AssociationsResolver,
        OrganizationsService,
        OrganizationsResolver,
        RepublishOrganizationsProcessor,
        OperationsResolver,
        { provide: FileStorage, useFactory: () => new LocalDiskFileStorage(config.ATTACHMENTS_DIR) },
        FieldsOfWorkService,
        FieldsOfWorkResolver,
        PeopleService,
        PeopleResolver,
        MembershipsService,
        MemberDirectoryService,
        MembershipsResolver,
        DuesSweepProcessor,
        AdmissionService,
        AdmissionResolver,
        SanctionsProjector,
        ImportMembersProcessor,
        ...GOVERNANCE_PROVIDERS,
      ],
    };
  }
}

/** A signing key that does not match the verification key would start fine and reject every token. */
function assertKeyPair(signer: AccessTokenSigner, verifier: AccessTokenVerifier): void {
  const { token } = signer.sign({ accountId: 'key-pair-check', email: null, kind: 'PERSON', platformAdmin: false, grants: [] }, 60);
  try {
    verifier.verify(token);
  } catch {
    throw new Error('AUTH_PRIVATE_KEY does not match AUTH_PUBLIC_KEY: tokens it signs would be refused everywhere');
  }
}
