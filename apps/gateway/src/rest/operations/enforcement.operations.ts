/** Operations behind the enforcement service's regulator endpoints. */
export const ENFORCEMENT_OPERATIONS = {
  SignatoryChanges: /* GraphQL */ `
    query SignatoryChanges($associationId: ID!, $from: String!, $to: String!) {
      signatoryBulletin(associationId: $associationId, from: $from, to: $to) {
        from
        to
        joined { signatureId organizationId organizationName conventionId conventionTitle versionNumber date reason restoresSignatureId }
        left { signatureId organizationId organizationName conventionId conventionTitle versionNumber date reason restoresSignatureId }
      }
    }`,
  // ---- complaints, sanctions and oversight ----
  ListSanctions: /* GraphQL */ `
    query ListSanctions($associationId: ID!) {
      sanctions(associationId: $associationId) {
        id complaintId conventionId conventionTitle organizationId organizationName grade basisArticles summary
        publicationScope publishedFrom publishedUntil decidedOn appealDeadline status appealDecidedOn
      }
    }`,
  ComplaintStatistics: /* GraphQL */ `
    query ComplaintStatistics($associationId: ID!, $from: String!, $to: String!) {
      complaintStatistics(associationId: $associationId, from: $from, to: $to) {
        from to total
        byStage { key count } bySource { key count } byArticle { key count } byMonth { key count }
      }
    }`,
  ListOversightReports: /* GraphQL */ `
    query ListOversightReports {
      oversightReports { id associationId reporterOrganizationId subject staffName conventionId allegation evidence createdAt }
    }`,
  ReferComplaint: /* GraphQL */ `
    mutation ReferComplaint($input: ReferComplaintInput!) {
      referComplaint(input: $input) { complaintId trackingCode secret stage receivedAt }
    }`,
} as const;
