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
import { AccountEntity } from './identity/entities/account.entity';
import { RoleGrantEntity } from './identity/entities/role-grant.entity';
import { IdentityResolver, RoleGrantResolver } from './identity/identity.resolver';
import { IdentityService } from './identity/identity.service';
import { OperationsResolver } from './operations/operations.resolver';
import { OrganizationEntity } from './organizations/entities/organization.entity';
import { RepublishOrganizationsProcessor } from './organizations/jobs/republish-organizations.processor';
import { OrganizationsResolver } from './organizations/organizations.resolver';
import { OrganizationsService } from './organizations/organizations.service';

export const MEMBERSHIP_ENTITIES = [AssociationEntity, AccountEntity, RoleGrantEntity, ApiClientEntity, OrganizationEntity, AuditEntryEntity];

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
