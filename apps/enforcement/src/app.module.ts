import { type DynamicModule, Module } from '@nestjs/common';
import { SubgraphModule } from '@app/subgraph';
import { AmendmentsResolver } from './amendments/amendments.resolver';
import { AmendmentsService } from './amendments/amendments.service';
import { SignatoryNoticeEntity } from './notices/entities/signatory-notice.entity';
import { NoticesResolver } from './notices/notices.resolver';
import { NoticesService } from './notices/notices.service';
import { AmendmentCosignatureEntity, AmendmentRollEntryEntity, AmendmentVoteEntity, ConventionAmendmentEntity } from './amendments/entities/convention-amendment.entity';
import type { EnforcementConfig } from './config/enforcement.config';
import { ConventionsResolver, ConventionVersionsResolver } from './conventions/conventions.resolver';
import { ConventionsService } from './conventions/conventions.service';
import { ConventionEntity } from './conventions/entities/convention.entity';
import { ConventionArticleEntity, ConventionChapterEntity } from './conventions/entities/convention-text.entity';
import { ConventionVersionEntity } from './conventions/entities/convention-version.entity';
import { PublicationDeadlinesProcessor } from './conventions/jobs/publication-deadlines.processor';
import { ConventionFeedbackEntity, ConventionFeedbackOpinionEntity } from './feedback/entities/convention-feedback.entity';
import { FeedbackResolver } from './feedback/feedback.resolver';
import { FeedbackService } from './feedback/feedback.service';
import { OrganizationDirectoryEntryEntity } from './organization-directory/entities/organization-directory-entry.entity';
import { OrganizationDirectoryProjector } from './organization-directory/organization-directory.projector';
import { OrganizationDirectoryResolver } from './organization-directory/organization-directory.resolver';
import { BulletinsResolver } from './signatories/bulletins.resolver';
import { BulletinsService } from './signatories/bulletins.service';
import { ConventionSignatureEntity } from './signatories/entities/convention-signature.entity';
import { SignatoryBulletinEntity } from './signatories/entities/signatory-bulletin.entity';
import { SignatoriesResolver } from './signatories/signatories.resolver';
import { SignatoriesService } from './signatories/signatories.service';
import { complainantCipherFor } from './complaints/complainant-cipher.provider';
import { COMPLAINANT_CIPHER, ComplaintsService } from './complaints/complaints.service';
import { ComplaintsResolver } from './complaints/complaints.resolver';
import { ComplaintEntity } from './complaints/entities/complaint.entity';
import { ComplainantIdentityReadEntity, ComplaintActivityEntity, ComplaintInvestigatorEntity, InvestigatorConflictEntity } from './complaints/entities/complaint-records.entity';
import { ENFORCEMENT_CONFIG, EnforcementCaseJobsProcessor } from './complaints/jobs/enforcement-case-jobs.processor';
import { DisputeEntity } from './disputes/entities/dispute.entity';
import { DisputesResolver } from './disputes/disputes.resolver';
import { DisputesService } from './disputes/disputes.service';
import { OversightReportEntity } from './oversight/entities/oversight-report.entity';
import { OversightResolver } from './oversight/oversight.resolver';
import { OversightService } from './oversight/oversight.service';
import { CommendationEntity, SanctionEntity } from './sanctions/entities/sanction.entity';
import { SanctionsResolver } from './sanctions/sanctions.resolver';
import { SanctionsService } from './sanctions/sanctions.service';

const ENTITIES = [
  OrganizationDirectoryEntryEntity,
  ConventionEntity,
  ConventionVersionEntity,
  ConventionChapterEntity,
  ConventionArticleEntity,
  ConventionSignatureEntity,
  SignatoryBulletinEntity,
  ConventionAmendmentEntity,
  AmendmentCosignatureEntity,
  AmendmentRollEntryEntity,
  AmendmentVoteEntity,
  ConventionFeedbackEntity,
  ConventionFeedbackOpinionEntity,
  ComplaintEntity,
  ComplaintActivityEntity,
  ComplaintInvestigatorEntity,
  InvestigatorConflictEntity,
  ComplainantIdentityReadEntity,
  SanctionEntity,
  CommendationEntity,
  DisputeEntity,
  OversightReportEntity,
  SignatoryNoticeEntity,
];

@Module({})
export class EnforcementAppModule {
  static forRoot(config: EnforcementConfig): DynamicModule {
    return {
      module: EnforcementAppModule,
      imports: [SubgraphModule.forService({ service: 'enforcement', config, entities: ENTITIES })],
      providers: [
        OrganizationDirectoryProjector,
        OrganizationDirectoryResolver,
        ConventionsService,
        ConventionsResolver,
        ConventionVersionsResolver,
        PublicationDeadlinesProcessor,
        SignatoriesService,
        SignatoriesResolver,
        BulletinsService,
        BulletinsResolver,
        AmendmentsService,
        NoticesService,
        NoticesResolver,
        AmendmentsResolver,
        FeedbackService,
        FeedbackResolver,
        { provide: ENFORCEMENT_CONFIG, useValue: config },
        { provide: COMPLAINANT_CIPHER, useFactory: () => complainantCipherFor(config) },
        ComplaintsService,
        ComplaintsResolver,
        SanctionsService,
        SanctionsResolver,
        DisputesService,
        DisputesResolver,
        OversightService,
        OversightResolver,
        EnforcementCaseJobsProcessor,
      ],
    };
  }
}
