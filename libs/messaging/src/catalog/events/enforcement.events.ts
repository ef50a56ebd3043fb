import type { DomainEventDefinition } from './event-definition';

/** Graded sanctions: 行业批评, 行业谴责, 内部通报, 媒体曝光, 取消公约成员资格. */
export type SanctionGradeName = 'CRITICISM' | 'CONDEMNATION' | 'INTERNAL_CIRCULAR' | 'MEDIA_EXPOSURE' | 'REVOCATION';

/** Events enforcement publishes. No complainant data ever travels in them. */
export interface EnforcementEventPayloads {
  'enforcement.convention.signed': {
    signatureId: string;
    conventionId: string;
    conventionVersionId: string;
    organizationId: string;
    signedOn: string;
    /**
     * For a signature that restores the unit after an appeal overturned the revocation of its
     * earlier signature: that revoked signature. Null for an ordinary signature (absent in events
     * recorded before restorations existed).
     */
    restoresSignatureId?: string | null;
  };
  'enforcement.signature.withdrawn': {
    signatureId: string;
    conventionId: string;
    organizationId: string;
    /** WITHDRAWAL by the unit's notice, REVOCATION by sanction. */
    reason: 'WITHDRAWAL' | 'REVOCATION';
    endedOn: string;
  };
  /**
   * An amendment was adopted by the signatory units; the amended text is the new version. Every unit
   * on the ballot's roll is listed: this is the notice to signatories.
   */
  'enforcement.convention.amended': {
    amendmentId: string;
    conventionId: string;
    previousVersionId: string;
    newVersionId: string;
    effectiveOn: string;
    notifiedOrganizationIds: string[];
  };
  'enforcement.sanction.imposed': {
    sanctionId: string;
    caseId: string;
    organizationId: string;
    grade: SanctionGradeName;
    /** Article numbers of the convention the sanction rests on, e.g. "第十二条". */
    basisArticles: string[];
    conventionId: string;
    decidedOn: string;
    publicationScope: 'INTERNAL' | 'PUBLIC';
    publishedUntil: string | null;
  };
  'enforcement.complaint.received': {
    complaintId: string;
    source: 'SIGNATORY' | 'PUBLIC' | 'REGULATOR' | 'EXECUTING_BODY';
    respondentOrganizationId: string;
    conventionId: string;
    receivedAt: string;
  };
  'enforcement.sanction.overturned': {
    sanctionId: string;
    caseId: string;
    organizationId: string;
    grade: SanctionGradeName;
    conventionId: string;
    overturnedOn: string;
  };
}

export const ENFORCEMENT_EVENTS: { readonly [K in keyof EnforcementEventPayloads]: DomainEventDefinition } = {
  'enforcement.convention.signed': {
    version: 1,
    producer: 'enforcement',
    subscribers: [],
    description: 'A unit signed a convention version and became a signatory, or was restored as one when an appeal overturned the revocation of its signature (`restoresSignatureId`).',
  },
  'enforcement.signature.withdrawn': {
    version: 1,
    producer: 'enforcement',
    subscribers: [],
    description: "A signatory left a convention, by its own notice or by the revocation sanction.",
  },
  'enforcement.convention.amended': {
    version: 1,
    producer: 'enforcement',
    subscribers: [],
    description: 'An amendment adopted by at least 2/3 of the signatory units on the frozen roll became the version in effect; lists the units notified.',
  },
  'enforcement.sanction.imposed': {
    version: 1,
    producer: 'enforcement',
    subscribers: ['membership'],
    description: "A sanction was decided against a signatory; membership records it on the organization's record.",
  },
  'enforcement.complaint.received': {
    version: 1,
    producer: 'enforcement',
    subscribers: [],
    description: 'A complaint or report against a signatory was received (no complainant data).',
  },
  'enforcement.sanction.overturned': {
    version: 1,
    producer: 'enforcement',
    subscribers: ['membership'],
    description: "A sanction was set aside on appeal; membership marks it overturned on the organization's record.",
  },
};
