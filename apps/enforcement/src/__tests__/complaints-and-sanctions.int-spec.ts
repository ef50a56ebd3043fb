import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import { dataOf, errorCodeOf, sqlQuery, startServiceInProcess, type GraphQLResponse, type InProcessService } from '@app/testing';
import { EnforcementAppModule } from '../app.module';
import { ComplaintsService } from '../complaints/complaints.service';
import { EnforcementConfig } from '../config/enforcement.config';
import { SanctionsService } from '../sanctions/sanctions.service';
import { EnforcementTestKit, sampleConventionText } from './enforcement-test-kit';

const reasonOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.reason;

const SUBMIT = `mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { complaintId trackingCode secret stage } }`;
const STATUS = `query($trackingCode: String!, $secret: String!) { complaintStatus(trackingCode: $trackingCode, secret: $secret) { trackingCode stage notAdmittedReason } }`;
const COMPLAINT = `query($id: ID!) { complaint(id: $id) { id stage source trackingCode anonymous respondentName replyDueOn replyText finding decision sanctionId stageDueOn investigators { accountId recusedAt } activity { kind } identityPurgedAt } }`;
const ADMIT = `mutation($input: AdmitComplaintInput!) { admitComplaint(input: $input) { id stage replyDueOn } }`;
const NOT_ADMIT = `mutation($input: NotAdmitComplaintInput!) { notAdmitComplaint(input: $input) { id stage notAdmittedReason } }`;
const ASSIGN = `mutation($input: AssignInvestigatorInput!) { assignInvestigator(input: $input) { accountId name } }`;
const RECUSE = `mutation($input: RecuseInvestigatorInput!) { recuseInvestigator(input: $input) { accountId recusedAt recusalReason } }`;
const DECLARE = `mutation($input: DeclareConflictInput!) { declareConflictOfInterest(input: $input) { id } }`;
const REPLY = `mutation($input: ReplyToComplaintInput!) { replyToComplaint(input: $input) { id repliedAt } }`;
const FINDING = `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id stage finding } }`;
const DECIDE = `mutation($input: DecideComplaintInput!) { decideComplaint(input: $input) { id stage decision sanctionId } }`;
const IDENTITY = `query($complaintId: ID!, $purpose: String!) { complainantIdentity(complaintId: $complaintId, purpose: $purpose) { name contact organizationId anonymous } }`;
const READS = `query($associationId: ID!, $complaintId: ID) { complainantIdentityReads(associationId: $associationId, complaintId: $complaintId) { readerAccountId purpose requestId } }`;
const REGISTER = `query($associationId: ID!) { sanctionRegister(associationId: $associationId) { id grade organizationName basisArticles publicationScope } }`;
const COMMENDATIONS = `query($associationId: ID!) { commendationRegister(associationId: $associationId) { id citation organizationName } }`;
const APPEAL = `mutation($input: AppealDecisionInput!) { appealDecision(input: $input) { id status } }`;
const REVIEW = `mutation($input: ReviewAppealInput!) { reviewAppeal(input: $input) { id status appealDecidedOn signatureId signatureRestoration restoredSignatureId } }`;
const SANCTION = `query($id: ID!) { sanction(id: $id) { id status grade appealDecidedOn signatureId signatureRestoration restoredSignatureId } }`;
const SIGNATURE = `query($id: ID!) { conventionSignature(id: $id) { id organizationId conventionVersionId signedOn signerName signerCapacity endReason endedOn inForce restoresSignatureId } }`;
const BULLETIN = `query($a: ID!, $from: String!, $to: String!, $c: ID) { signatoryBulletin(associationId: $a, from: $from, to: $to, conventionId: $c) { joined { signatureId organizationId date reason restoresSignatureId } left { signatureId organizationId date reason restoresSignatureId } } }`;

type Review = { id: string; status: string; appealDecidedOn: string | null; signatureId: string | null; signatureRestoration: string | null; restoredSignatureId: string | null };
type SignatureRow = { id: string; convention_version_id: string; signed_on: string; ended_on: string | null; end_reason: string | null; signer_capacity: string; signer_name: string; authorisation_reference: string | null; recorded_by: string; restores_signature_id: string | null };
const RESULTS = `query($conventionId: ID!) { publishedInvestigationResults(conventionId: $conventionId) { complaintId respondentName finding decision sanctionGrade sanctionStatus } }`;
const REFER = `mutation($input: ReferComplaintInput!) { referComplaint(input: $input) { complaintId trackingCode secret } }`;

describe('complaints, sanctions, disputes and oversight (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<EnforcementConfig>;
  let kit: EnforcementTestKit;
  const associationId = randomUUID();
  let staff: string;
  let admin: string;
  let conventionId: string;
  let versionId: string;
  let respondent: string; // unit A, signatory
  let complainantUnit: string; // unit B, signatory
  let bystander: string; // unit D, signatory
  let outsider: string; // unit C, not a signatory
  let respondentRep: string;
  let complainantRep: string;
  let bystanderRep: string;
  let outsiderRep: string;
  const investigatorAccount = randomUUID();
  let investigator: string;
  const reviewerAccount = randomUUID();
  let reviewer: string; // secretariat, known account: who records a restored signature

  beforeAll(async () => {
    service = await startServiceInProcess(EnforcementConfig, (c) => EnforcementAppModule.forRoot(c), 'enforcement', { COMPLAINANT_DATA_KEY: randomBytes(32).toString('base64') });
    kit = new EnforcementTestKit(service);
    staff = kit.token(associationId, Role.SECRETARIAT);
    admin = kit.token(associationId, Role.ADMIN);
    ({ conventionId, versionId } = await kit.effectiveConvention(associationId, staff));
    [respondent, complainantUnit, bystander, outsider] = await kit.addOrganizations(associationId, 4, '案件测试单位');
    for (const unit of [respondent, complainantUnit, bystander]) await kit.sign(versionId, unit, staff);
    respondentRep = kit.token(associationId, Role.MEMBER_REP, respondent);
    complainantRep = kit.token(associationId, Role.MEMBER_REP, complainantUnit);
    bystanderRep = kit.token(associationId, Role.MEMBER_REP, bystander);
    outsiderRep = kit.token(associationId, Role.MEMBER_REP, outsider);
    investigator = new (require('@app/auth').AccessTokenSigner)(service.keys.AUTH_PRIVATE_KEY).sign(
      { accountId: investigatorAccount, email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId, role: Role.INVESTIGATOR, organizationId: null }] },
      600,
    ).token;
    reviewer = new (require('@app/auth').AccessTokenSigner)(service.keys.AUTH_PRIVATE_KEY).sign(
      { accountId: reviewerAccount, email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId, role: Role.SECRETARIAT, organizationId: null }] },
      600,
    ).token;
  });

  afterAll(async () => {
    await service?.close();
  });

  const publicInput = (overrides: Record<string, unknown> = {}) => ({
    associationId,
    source: 'PUBLIC',
    conventionId,
    respondentOrganizationId: respondent,
    articleNumbers: [3],
    facts: '该单位未经同意收集并出售用户信息。',
    evidence: ['截图一份'],
    anonymous: true,
    ...overrides,
  });

  async function submit(input: Record<string, unknown>, token?: string) {
    return dataOf(await kit.gql<{ submitComplaint: { complaintId: string | null; trackingCode: string; secret: string; stage: string } }>(SUBMIT, { input }, token)).submitComplaint;
  }

  async function complaintIdOf(trackingCode: string): Promise<string> {
    return (await sqlQuery<{ id: string }>(service.databaseUrl, `SELECT id FROM enforcement.complaint WHERE tracking_code = $1`, [trackingCode]))[0].id;
  }

  /** A signatory complaint by unit B against unit A, admitted, investigator assigned, respondent replied. */
  async function caseReadyForFinding(articles = [3, 5]): Promise<string> {
    const receipt = await submit({ ...publicInput(), source: 'SIGNATORY', anonymous: false, complainantOrganizationId: complainantUnit, complainantName: '王五', complainantContact: '13900000000', articleNumbers: articles }, complainantRep);
    const id = receipt.complaintId!;
    dataOf(await kit.gql(ADMIT, { input: { complaintId: id, replyDays: 15 } }, staff));
    dataOf(await kit.gql(ASSIGN, { input: { complaintId: id, accountId: investigatorAccount, name: '调查员甲', organizationId: null } }, staff));
    dataOf(await kit.gql(REPLY, { input: { complaintId: id, text: '我方已整改，并非故意为之。' } }, respondentRep));
    return id;
  }

  /** Signatures of a unit under a convention, oldest first. */
  async function signaturesOf(organizationId: string, ofConvention = conventionId): Promise<SignatureRow[]> {
    return sqlQuery<SignatureRow>(
      service.databaseUrl,
      `SELECT id, convention_version_id, signed_on::text, ended_on::text, end_reason, signer_capacity, signer_name, authorisation_reference, recorded_by, restores_signature_id
         FROM enforcement.convention_signature WHERE organization_id = $1 AND convention_id = $2 ORDER BY created_at, id`,
      [organizationId, ofConvention],
    );
  }

  /**
   * The executing body's own case against a unit, found in breach with adverse effects and decided
   * with the given grade; the unit appeals. Returns the complaint and the sanction.
   */
  async function sanctionUnderAppeal(unit: { conventionId: string; organizationId: string; rep: string }, grade = 'REVOCATION'): Promise<{ complaintId: string; sanctionId: string }> {
    const complaintId = (await submit({ associationId, source: 'EXECUTING_BODY', conventionId: unit.conventionId, respondentOrganizationId: unit.organizationId, articleNumbers: [5], facts: '执行机构自行发现该单位违规收集用户信息。', anonymous: false }, staff)).complaintId!;
    dataOf(await kit.gql(ADMIT, { input: { complaintId, replyDays: 15 } }, staff));
    dataOf(await kit.gql(ASSIGN, { input: { complaintId, accountId: investigatorAccount, name: '调查员甲', organizationId: null } }, staff));
    dataOf(await kit.gql(REPLY, { input: { complaintId, text: '我方对此有异议，已提交说明。' } }, unit.rep));
    dataOf(await kit.gql(FINDING, { input: { complaintId, finding: 'BREACH', breachedArticles: [5], adverseImpact: true, summary: '经查证属实，造成恶劣影响。' } }, investigator));
    const { sanctionId } = dataOf(
      await kit.gql<{ decideComplaint: { sanctionId: string } }>(DECIDE, { input: { complaintId, decision: 'SANCTION', summary: '依公约作出处理。', sanction: { grade, basisArticles: [5], publicationScope: 'PUBLIC', publicationDays: 30 } } }, staff),
    ).decideComplaint;
    dataOf(await kit.gql(APPEAL, { input: { sanctionId, grounds: '事实认定有误，请求复核。' } }, unit.rep));
    return { complaintId, sanctionId };
  }

  async function review(sanctionId: string, outcome: 'UPHELD' | 'OVERTURNED'): Promise<Review> {
    return dataOf(await kit.gql<{ reviewAppeal: Review }>(REVIEW, { input: { sanctionId, outcome, reason: '复核认为证据不足，撤销处理。' } }, reviewer)).reviewAppeal;
  }

  it('takes an anonymous public report and answers its status only to the right code and secret', async () => {
    const receipt = await submit(publicInput());
    expect(receipt).toMatchObject({ complaintId: null, stage: 'RECEIVED' });
    expect(receipt.trackingCode).toMatch(/^JB-/);
    const status = dataOf(await kit.gql<{ complaintStatus: { stage: string } }>(STATUS, { trackingCode: receipt.trackingCode, secret: receipt.secret })).complaintStatus;
    expect(status.stage).toBe('RECEIVED');
    const wrong = await kit.gql(STATUS, { trackingCode: receipt.trackingCode, secret: 'not-the-secret' });
    const unknown = await kit.gql(STATUS, { trackingCode: 'JB-AAAAAAAAAA', secret: receipt.secret });
    expect(errorCodeOf(wrong)).toBe('NOT_FOUND');
    expect(wrong.errors?.[0]).toEqual(unknown.errors?.[0]);

    const [row] = await sqlQuery<{ secret_hash: string; complainant_identity: string | null; anonymous: boolean; id: string }>(service.databaseUrl, `SELECT id, secret_hash, complainant_identity, anonymous FROM enforcement.complaint WHERE tracking_code = $1`, [receipt.trackingCode]);
    expect(row.secret_hash).not.toContain(receipt.secret);
    expect(row).toMatchObject({ complainant_identity: null, anonymous: true });
    const events = await kit.outboxOf('enforcement.complaint.received', 'complaintId', row.id);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ source: 'PUBLIC', respondentOrganizationId: respondent, conventionId });
  });

  it('refuses a respondent that is not a signatory in force, unknown articles, and a named report without a name; nothing is stored', async () => {
    const before = await sqlQuery<{ n: string }>(service.databaseUrl, `SELECT count(*) AS n FROM enforcement.complaint`);
    expect(reasonOf(await kit.gql(SUBMIT, { input: publicInput({ respondentOrganizationId: outsider }) }))).toBe('RESPONDENT_NOT_SIGNATORY');
    expect(reasonOf(await kit.gql(SUBMIT, { input: publicInput({ articleNumbers: [3, 99] }) }))).toBe('UNKNOWN_ARTICLES');
    expect(reasonOf(await kit.gql(SUBMIT, { input: publicInput({ anonymous: false }) }))).toBe('COMPLAINT_REQUIRED'.replace('COMPLAINT', 'COMPLAINANT'));
    expect(reasonOf(await kit.gql(SUBMIT, { input: publicInput({ source: 'SIGNATORY', anonymous: false, complainantOrganizationId: outsider }) }, outsiderRep))).toBe('COMPLAINANT_NOT_SIGNATORY');
    expect(errorCodeOf(await kit.gql(SUBMIT, { input: publicInput({ source: 'EXECUTING_BODY' }) }, respondentRep))).toBe('FORBIDDEN');
    expect(await sqlQuery<{ n: string }>(service.databaseUrl, `SELECT count(*) AS n FROM enforcement.complaint`)).toEqual(before);
  });

  it('decides admissibility with a reason the complainant reads', async () => {
    const receipt = await submit(publicInput());
    const id = await complaintIdOf(receipt.trackingCode);
    expect(reasonOf(await kit.gql(NOT_ADMIT, { input: { complaintId: id, reason: '太短' } }, staff))).toBe('REASON_REQUIRED');
    expect(errorCodeOf(await kit.gql(NOT_ADMIT, { input: { complaintId: id, reason: '所述事实不属于本公约调整范围。' } }, respondentRep))).toBe('NOT_FOUND');
    dataOf(await kit.gql(NOT_ADMIT, { input: { complaintId: id, reason: '所述事实不属于本公约调整范围。' } }, staff));
    const status = dataOf(await kit.gql<{ complaintStatus: { stage: string; notAdmittedReason: string } }>(STATUS, { trackingCode: receipt.trackingCode, secret: receipt.secret })).complaintStatus;
    expect(status).toMatchObject({ stage: 'NOT_ADMITTED', notAdmittedReason: '所述事实不属于本公约调整范围。' });
    expect(reasonOf(await kit.gql(ADMIT, { input: { complaintId: id, replyDays: 15 } }, staff))).toBe('WRONG_STAGE');
  });

  it("checks investigators for conflicts with either party's organization and declared conflicts; recusal keeps the record", async () => {
    const receipt = await submit({ ...publicInput(), source: 'SIGNATORY', anonymous: false, complainantOrganizationId: complainantUnit, complainantName: '王五' }, complainantRep);
    const id = receipt.complaintId!;
    dataOf(await kit.gql(ADMIT, { input: { complaintId: id, replyDays: 15 } }, staff));
    const assign = (accountId: string, organizationId: string | null) => kit.gql(ASSIGN, { input: { complaintId: id, accountId, name: '调查员', organizationId } }, staff);
    expect(reasonOf(await assign(randomUUID(), respondent))).toBe('INVESTIGATOR_CONFLICT');
    expect(reasonOf(await assign(randomUUID(), complainantUnit))).toBe('INVESTIGATOR_CONFLICT');
    const conflicted = randomUUID();
    const conflictedToken = new (require('@app/auth').AccessTokenSigner)(service.keys.AUTH_PRIVATE_KEY).sign(
      { accountId: conflicted, email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId, role: Role.INVESTIGATOR, organizationId: null }] },
      600,
    ).token;
    dataOf(await kit.gql(DECLARE, { input: { associationId, organizationId: complainantUnit, note: '曾为其提供咨询' } }, conflictedToken));
    expect(reasonOf(await assign(conflicted, null))).toBe('INVESTIGATOR_CONFLICT');
    expect(await sqlQuery(service.databaseUrl, `SELECT 1 FROM enforcement.complaint_investigator WHERE complaint_id = $1`, [id])).toEqual([]);

    dataOf(await assign(investigatorAccount, bystander));
    expect(reasonOf(await assign(investigatorAccount, bystander))).toBe('ALREADY_ASSIGNED');
    const recused = dataOf(await kit.gql<{ recuseInvestigator: { recusedAt: string } }>(RECUSE, { input: { complaintId: id, accountId: investigatorAccount, reason: '工作调整' } }, investigator)).recuseInvestigator;
    expect(recused.recusedAt).toBeTruthy();
    // Once recused, the investigator no longer sees the case.
    expect(errorCodeOf(await kit.gql(COMPLAINT, { id }, investigator))).toBe('NOT_FOUND');
    const view = dataOf(await kit.gql<{ complaint: { investigators: Array<{ recusedAt: string | null }>; activity: Array<{ kind: string }> } }>(COMPLAINT, { id }, staff)).complaint;
    expect(view.investigators).toHaveLength(1);
    expect(view.activity.map((a) => a.kind)).toEqual(['RECEIVED', 'ADMITTED', 'INVESTIGATOR_ASSIGNED', 'INVESTIGATOR_RECUSED']);
  });

  it("never shows the complainant to the respondent; every staff read of the identity is audited; it is encrypted at rest", async () => {
    const id = await caseReadyForFinding();
    const seen = dataOf(await kit.gql<{ complaint: { source: string | null; trackingCode: string | null; activity: unknown[]; respondentName: string } }>(COMPLAINT, { id }, respondentRep)).complaint;
    expect(seen).toMatchObject({ source: null, trackingCode: null, activity: [] });
    const refused = await kit.gql(IDENTITY, { complaintId: id, purpose: '想知道是谁' }, respondentRep);
    expect(reasonOf(refused)).toBe('COMPLAINANT_CONFIDENTIAL');
    expect(errorCodeOf(await kit.gql(IDENTITY, { complaintId: id, purpose: '旁观者想看看' }, bystanderRep))).toBe('NOT_FOUND');

    const [row] = await sqlQuery<{ complainant_identity: string }>(service.databaseUrl, `SELECT complainant_identity FROM enforcement.complaint WHERE id = $1`, [id]);
    expect(row.complainant_identity).not.toContain('王五');
    expect(row.complainant_identity).not.toContain(complainantUnit);

    const identity = dataOf(await kit.gql<{ complainantIdentity: { name: string; organizationId: string } }>(IDENTITY, { complaintId: id, purpose: '核实投诉人身份' }, staff)).complainantIdentity;
    expect(identity).toMatchObject({ name: '王五', contact: '13900000000', organizationId: complainantUnit });
    dataOf(await kit.gql(IDENTITY, { complaintId: id, purpose: '联系投诉人补充证据' }, investigator));
    const reads = dataOf(await kit.gql<{ complainantIdentityReads: Array<{ purpose: string; requestId: string | null }> }>(READS, { associationId, complaintId: id }, admin)).complainantIdentityReads;
    expect(reads.map((r) => r.purpose).sort()).toEqual(['核实投诉人身份', '联系投诉人补充证据'].sort());
    expect(reads.every((r) => !!r.requestId)).toBe(true);
    expect(errorCodeOf(await kit.gql(READS, { associationId, complaintId: id }, staff))).toBe('FORBIDDEN');
  });

  it('keeps the reply window: no finding while it is open; one reply, before the deadline', async () => {
    const receipt = await submit(publicInput({ articleNumbers: [4] }));
    const id = await complaintIdOf(receipt.trackingCode);
    dataOf(await kit.gql(ADMIT, { input: { complaintId: id, replyDays: 10 } }, staff));
    dataOf(await kit.gql(ASSIGN, { input: { complaintId: id, accountId: investigatorAccount, name: '调查员甲' } }, staff));
    const finding = { complaintId: id, finding: 'BREACH', breachedArticles: [4], summary: '经查证，投诉事项属实。' };
    expect(reasonOf(await kit.gql(FINDING, { input: finding }, investigator))).toBe('REPLY_WINDOW_OPEN');
    expect(errorCodeOf(await kit.gql(REPLY, { input: { complaintId: id, text: '不是我方的代表在答复。' } }, bystanderRep))).toBe('NOT_FOUND');
    const complaints = service.app.get(ComplaintsService);
    const identity = { accountId: randomUUID(), email: null, kind: 'PERSON' as const, platformAdmin: false, grants: [{ associationId, role: Role.MEMBER_REP, organizationId: respondent }] };
    await expect(complaints.reply(identity, id, '迟到的答复内容，超过了期限。', kit.daysFromToday(11))).rejects.toMatchObject({ reason: 'REPLY_CLOSED' });
    // After the deadline the finding may go ahead without a reply.
    const found = await complaints.recordFinding({ ...identity, grants: [{ associationId, role: Role.SECRETARIAT, organizationId: null }] }, { ...finding, finding: 'BREACH', adverseImpact: false }, kit.daysFromToday(11));
    expect(found.stage).toBe('FINDING');
  });

  it('finding of breach, then a graded public sanction: outbox event in the same transaction, register entry, published result', async () => {
    const id = await caseReadyForFinding();
    expect(reasonOf(await kit.gql(FINDING, { input: { complaintId: id, finding: 'BREACH', breachedArticles: [7], summary: '经查证，投诉事项属实。' } }, investigator))).toBe('ARTICLE_NOT_ALLEGED');
    dataOf(await kit.gql(FINDING, { input: { complaintId: id, finding: 'BREACH', breachedArticles: [3], summary: '经查证，该单位违规收集用户信息。' } }, investigator));
    const base = { complaintId: id, decision: 'SANCTION', summary: '给予行业批评并公开。' };
    expect(reasonOf(await kit.gql(DECIDE, { input: { ...base, sanction: { grade: 'REVOCATION', basisArticles: [3], publicationScope: 'PUBLIC', publicationDays: 90 } } }, staff))).toBe('SANCTION_GRADE_NOT_ALLOWED');
    expect(reasonOf(await kit.gql(DECIDE, { input: { ...base, sanction: { grade: 'CRITICISM', basisArticles: [5], publicationScope: 'PUBLIC', publicationDays: 90 } } }, staff))).toBe('BASIS_NOT_BREACHED');
    expect(errorCodeOf(await kit.gql(DECIDE, { input: { ...base, sanction: { grade: 'CRITICISM', basisArticles: [3], publicationScope: 'PUBLIC', publicationDays: 90 } } }, investigator))).toBe('FORBIDDEN');
    expect(await sqlQuery(service.databaseUrl, `SELECT 1 FROM enforcement.sanction WHERE complaint_id = $1`, [id])).toEqual([]);
    const decided = dataOf(await kit.gql<{ decideComplaint: { stage: string; sanctionId: string } }>(DECIDE, { input: { ...base, sanction: { grade: 'CRITICISM', basisArticles: [3], publicationScope: 'PUBLIC', publicationDays: 90 } } }, staff)).decideComplaint;
    expect(decided.stage).toBe('DECIDED');
    const events = await kit.outboxOf('enforcement.sanction.imposed', 'sanctionId', decided.sanctionId);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ caseId: id, organizationId: respondent, grade: 'CRITICISM', basisArticles: ['第3条'], publicationScope: 'PUBLIC', publishedUntil: kit.daysFromToday(89) });
    expect(JSON.stringify(events[0].payload)).not.toContain('王五');
    const register = dataOf(await kit.gql<{ sanctionRegister: Array<{ id: string }> }>(REGISTER, { associationId })).sanctionRegister;
    expect(register.map((s) => s.id)).toContain(decided.sanctionId);

    const results = dataOf(await kit.gql<{ publishedInvestigationResults: Array<{ complaintId: string; sanctionGrade: string }> }>(RESULTS, { conventionId }, bystanderRep)).publishedInvestigationResults;
    expect(results.find((r) => r.complaintId === id)).toMatchObject({ sanctionGrade: 'CRITICISM', finding: 'BREACH' });
    expect(JSON.stringify(results)).not.toContain('王五');
    expect(reasonOf(await kit.gql(RESULTS, { conventionId }, outsiderRep))).toBe('SIGNATORIES_ONLY');
  });

  it('revocation ends the signature in the same transaction; an appeal overturning it takes it off the register and restores the unit as a signatory from the review date', async () => {
    const id = await caseReadyForFinding([5]);
    dataOf(await kit.gql(FINDING, { input: { complaintId: id, finding: 'BREACH', breachedArticles: [5], adverseImpact: true, summary: '经查证属实，造成恶劣影响。' } }, investigator));
    const decided = dataOf(
      await kit.gql<{ decideComplaint: { sanctionId: string } }>(DECIDE, { input: { complaintId: id, decision: 'SANCTION', summary: '取消公约成员资格。', sanction: { grade: 'REVOCATION', basisArticles: [5], publicationScope: 'PUBLIC', publicationDays: 30 } } }, staff),
    ).decideComplaint;
    const [signature] = await sqlQuery<{ end_reason: string; sanction_id: string; ended_on: string }>(service.databaseUrl, `SELECT end_reason, sanction_id, ended_on::text FROM enforcement.convention_signature WHERE organization_id = $1`, [respondent]);
    expect(signature).toEqual({ end_reason: 'REVOCATION', sanction_id: decided.sanctionId, ended_on: kit.today });
    const [sanctionRow] = await sqlQuery<{ xmin: string }>(service.databaseUrl, `SELECT xmin::text FROM enforcement.sanction WHERE id = $1`, [decided.sanctionId]);
    const [signatureRow] = await sqlQuery<{ xmin: string }>(service.databaseUrl, `SELECT xmin::text FROM enforcement.convention_signature WHERE organization_id = $1`, [respondent]);
    expect(signatureRow.xmin).toBe(sanctionRow.xmin); // one transaction
    expect(await kit.outboxOf('enforcement.signature.withdrawn', 'organizationId', respondent)).toHaveLength(1);

    // Revoked: the respondent is no longer a signatory, new complaints against it are refused.
    expect(reasonOf(await kit.gql(SUBMIT, { input: publicInput() }))).toBe('RESPONDENT_NOT_SIGNATORY');
    const [revoked] = await signaturesOf(respondent);

    // The respondent appeals; only it may; staff overturn; the entry leaves the register.
    expect(errorCodeOf(await kit.gql(APPEAL, { input: { sanctionId: decided.sanctionId, grounds: '事实认定有误，请求复核。' } }, bystanderRep))).toBe('FORBIDDEN');
    expect(dataOf(await kit.gql<{ appealDecision: { status: string } }>(APPEAL, { input: { sanctionId: decided.sanctionId, grounds: '事实认定有误，请求复核。' } }, respondentRep)).appealDecision.status).toBe('UNDER_APPEAL');
    expect(reasonOf(await kit.gql(APPEAL, { input: { sanctionId: decided.sanctionId, grounds: '再次申诉，请求复核。' } }, respondentRep))).toBe('APPEAL_CLOSED');
    expect(reasonOf(await kit.gql(`mutation($id: ID!) { closeComplaint(id: $id) { id } }`, { id }, staff))).toBe('WRONG_STAGE');
    const overturned = await review(decided.sanctionId, 'OVERTURNED');
    expect(overturned).toMatchObject({ status: 'OVERTURNED', appealDecidedOn: kit.today, signatureId: revoked.id, signatureRestoration: 'RESTORED', restoredSignatureId: expect.any(String) });
    const register = dataOf(await kit.gql<{ sanctionRegister: Array<{ id: string }> }>(REGISTER, { associationId })).sanctionRegister;
    expect(register.map((s) => s.id)).not.toContain(decided.sanctionId);
    expect((await kit.outboxOf('enforcement.sanction.overturned', 'sanctionId', decided.sanctionId))[0].payload).toMatchObject({ caseId: id, organizationId: respondent, grade: 'REVOCATION' });

    // The overturn restored the unit: a new signature from the review date, under the version in
    // effect, by the same signer, recorded by the reviewer, linking the revoked one, which keeps its history.
    const rows = await signaturesOf(respondent);
    expect(rows).toEqual([
      { ...revoked, end_reason: 'REVOCATION', ended_on: kit.today },
      {
        id: overturned.restoredSignatureId,
        convention_version_id: versionId,
        signed_on: kit.today,
        ended_on: null,
        end_reason: null,
        signer_capacity: 'LEGAL_REPRESENTATIVE',
        signer_name: '张三',
        authorisation_reference: null,
        recorded_by: reviewerAccount,
        restores_signature_id: revoked.id,
      },
    ]);
    const [sanctionAfter] = await sqlQuery<{ xmin: string }>(service.databaseUrl, `SELECT xmin::text FROM enforcement.sanction WHERE id = $1`, [decided.sanctionId]);
    const [restoredRow] = await sqlQuery<{ xmin: string }>(service.databaseUrl, `SELECT xmin::text FROM enforcement.convention_signature WHERE id = $1`, [overturned.restoredSignatureId]);
    expect(restoredRow.xmin).toBe(sanctionAfter.xmin); // one transaction
    expect((await kit.outboxOf('enforcement.convention.signed', 'signatureId', overturned.restoredSignatureId!)).map((e) => e.payload)).toEqual([
      { signatureId: overturned.restoredSignatureId, conventionId, conventionVersionId: versionId, organizationId: respondent, signedOn: kit.today, restoresSignatureId: revoked.id },
    ]);
    expect((await kit.outboxOf('enforcement.convention.signed', 'signatureId', revoked.id)).map((e) => e.payload.restoresSignatureId)).toEqual([null]);

    // Staff and the unit read the sanction's outcome and the link; the public list shows the signature without it.
    for (const token of [staff, respondentRep]) {
      expect(dataOf(await kit.gql<{ sanction: Review }>(SANCTION, { id: decided.sanctionId }, token)).sanction).toMatchObject({ signatureRestoration: 'RESTORED', restoredSignatureId: overturned.restoredSignatureId });
    }
    expect(dataOf(await kit.gql<{ conventionSignature: Record<string, unknown> }>(SIGNATURE, { id: overturned.restoredSignatureId }, staff)).conventionSignature).toMatchObject({
      signedOn: kit.today,
      inForce: true,
      signerName: '张三',
      restoresSignatureId: revoked.id,
    });
    const LIST = `query($c: ID!, $day: String) { conventionSignatures(conventionId: $c, inForceOn: $day) { nodes { id organizationId restoresSignatureId } } }`;
    type Listed = { conventionSignatures: { nodes: Array<{ id: string; organizationId: string; restoresSignatureId: string | null }> } };
    const inForce = (token?: string) => kit.gql<Listed>(LIST, { c: conventionId, day: kit.today }, token).then((r) => dataOf(r).conventionSignatures.nodes.filter((n) => n.organizationId === respondent));
    expect(await inForce(staff)).toEqual([{ id: overturned.restoredSignatureId, organizationId: respondent, restoresSignatureId: revoked.id }]);
    expect(await inForce()).toEqual([{ id: overturned.restoredSignatureId, organizationId: respondent, restoresSignatureId: null }]);

    // The period's bulletin shows the leave and the rejoin (the first signature joined today as well).
    type Entry = { signatureId: string; organizationId: string; date: string; reason: string | null; restoresSignatureId: string | null };
    const bulletin = dataOf(await kit.gql<{ signatoryBulletin: { joined: Entry[]; left: Entry[] } }>(BULLETIN, { a: associationId, from: kit.today, to: kit.today, c: conventionId }, kit.token(associationId, Role.REGULATOR))).signatoryBulletin;
    const joined = bulletin.joined.filter((e) => e.organizationId === respondent);
    expect(joined).toHaveLength(2);
    expect(joined).toEqual(
      expect.arrayContaining([
        { signatureId: revoked.id, organizationId: respondent, date: kit.today, reason: null, restoresSignatureId: null },
        { signatureId: overturned.restoredSignatureId, organizationId: respondent, date: kit.today, reason: null, restoresSignatureId: revoked.id },
      ]),
    );
    expect(bulletin.left.filter((e) => e.organizationId === respondent)).toEqual([{ signatureId: revoked.id, organizationId: respondent, date: kit.today, reason: 'REVOCATION', restoresSignatureId: null }]);

    // Published, the bulletin keeps the link for readers of the association; the public sees the rejoin only.
    const published = dataOf(
      await kit.gql<{ publishSignatoryBulletin: { joined: Entry[] } }>(`mutation($a: ID!, $from: String!, $to: String!) { publishSignatoryBulletin(associationId: $a, from: $from, to: $to) { joined { signatureId organizationId date reason restoresSignatureId } } }`, { a: associationId, from: kit.today, to: kit.today }, staff),
    ).publishSignatoryBulletin;
    expect(published.joined.find((e) => e.signatureId === overturned.restoredSignatureId)?.restoresSignatureId).toBe(revoked.id);
    const PUBLISHED = `query($a: ID!) { signatoryBulletins(associationId: $a) { nodes { joined { signatureId restoresSignatureId } } } }`;
    const rejoinIn = async (token?: string) => dataOf(await kit.gql<{ signatoryBulletins: { nodes: Array<{ joined: Entry[] }> } }>(PUBLISHED, { a: associationId }, token)).signatoryBulletins.nodes.flatMap((b) => b.joined).find((e) => e.signatureId === overturned.restoredSignatureId);
    expect(await rejoinIn(kit.token(associationId, Role.REGULATOR))).toEqual({ signatureId: overturned.restoredSignatureId, restoresSignatureId: revoked.id });
    expect(await rejoinIn()).toEqual({ signatureId: overturned.restoredSignatureId, restoresSignatureId: null });

    // A signatory again: complaints against it are admitted (the other tests rely on it).
    expect((await submit(publicInput())).stage).toBe('RECEIVED');
  });

  it('an overturned revocation restores the unit under the version in effect when an amendment superseded the one it had signed', async () => {
    const { conventionId: amendedConvention, versionId: firstVersion } = await kit.effectiveConvention(associationId, staff, { title: '复核后修改的公约' });
    const [unit, voter] = await kit.addOrganizations(associationId, 2, '修改期间单位');
    const unitRep = kit.token(associationId, Role.MEMBER_REP, unit);
    dataOf(
      await kit.gql(
        `mutation($input: SignConventionInput!) { signConvention(input: $input) { id } }`,
        { input: { conventionVersionId: firstVersion, organizationId: unit, signerCapacity: 'DELEGATE', signerName: '钱八', authorisationReference: '授权委托书〔2026〕3号', signedOn: kit.today } },
        unitRep,
      ),
    );
    await kit.sign(firstVersion, voter, staff);
    const { sanctionId } = await sanctionUnderAppeal({ conventionId: amendedConvention, organizationId: unit, rep: unitRep });
    const [revoked] = await signaturesOf(unit, amendedConvention);
    expect(revoked).toMatchObject({ end_reason: 'REVOCATION', convention_version_id: firstVersion });

    // Meanwhile an amendment is adopted by the remaining signatory: version 2 is in effect.
    const amendment = dataOf(
      await kit.gql<{ proposeAmendment: { id: string } }>(`mutation($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id } }`, { input: { conventionId: amendedConvention, title: '修改第三条', text: sampleConventionText(10), rationale: '适应新规定', proposerOrganizationId: null } }, staff),
    ).proposeAmendment;
    dataOf(await kit.gql(`mutation($id: ID!) { openAmendmentBallot(amendmentId: $id) { id } }`, { id: amendment.id }, staff));
    dataOf(await kit.gql(`mutation($input: CastAmendmentVoteInput!) { castAmendmentVote(input: $input) { position } }`, { input: { amendmentId: amendment.id, organizationId: voter, position: 'YES' } }, kit.token(associationId, Role.MEMBER_REP, voter)));
    const closed = dataOf(await kit.gql<{ closeAmendmentBallot: { status: string; newVersionId: string } }>(`mutation($input: CloseAmendmentBallotInput!) { closeAmendmentBallot(input: $input) { status newVersionId } }`, { input: { amendmentId: amendment.id } }, staff)).closeAmendmentBallot;
    expect(closed.status).toBe('ADOPTED');

    const overturned = await review(sanctionId, 'OVERTURNED');
    expect(overturned.signatureRestoration).toBe('RESTORED');
    const [, restored] = await signaturesOf(unit, amendedConvention);
    expect(restored).toMatchObject({
      id: overturned.restoredSignatureId,
      convention_version_id: closed.newVersionId,
      signed_on: kit.today,
      ended_on: null,
      signer_capacity: 'DELEGATE',
      signer_name: '钱八',
      authorisation_reference: '授权委托书〔2026〕3号',
      restores_signature_id: revoked.id,
    });
    expect((await kit.outboxOf('enforcement.convention.signed', 'signatureId', restored.id))[0].payload).toMatchObject({ conventionVersionId: closed.newVersionId, restoresSignatureId: revoked.id });
  });

  it('an overturned revocation restores nothing when the unit has signed again meanwhile, and the sanction says so', async () => {
    const { sanctionId } = await sanctionUnderAppeal({ conventionId, organizationId: respondent, rep: respondentRep });
    const signedAgain = await kit.sign(versionId, respondent, staff); // signs again by hand before the review
    const before = await signaturesOf(respondent);
    const signedEvents = await kit.outboxOf('enforcement.convention.signed', 'organizationId', respondent);

    const overturned = await review(sanctionId, 'OVERTURNED');
    expect(overturned).toMatchObject({ status: 'OVERTURNED', signatureRestoration: 'ALREADY_SIGNATORY', restoredSignatureId: null });
    expect(dataOf(await kit.gql<{ sanction: Review }>(SANCTION, { id: sanctionId }, staff)).sanction).toMatchObject({ signatureRestoration: 'ALREADY_SIGNATORY', restoredSignatureId: null });
    expect(await signaturesOf(respondent)).toEqual(before);
    expect(before.filter((r) => r.end_reason === null).map((r) => r.id)).toEqual([signedAgain]);
    expect(await kit.outboxOf('enforcement.convention.signed', 'organizationId', respondent)).toEqual(signedEvents);
  });

  it('an upheld appeal restores nothing; overturning a sanction that is not a revocation creates no signature', async () => {
    const { sanctionId } = await sanctionUnderAppeal({ conventionId, organizationId: respondent, rep: respondentRep });
    const before = await signaturesOf(respondent);
    const signedEvents = await kit.outboxOf('enforcement.convention.signed', 'organizationId', respondent);
    expect(await review(sanctionId, 'UPHELD')).toMatchObject({ status: 'UPHELD', signatureRestoration: null, restoredSignatureId: null });
    expect(await signaturesOf(respondent)).toEqual(before);
    expect(before.every((r) => r.end_reason !== null)).toBe(true);
    expect(await kit.outboxOf('enforcement.convention.signed', 'organizationId', respondent)).toEqual(signedEvents);
    await kit.sign(versionId, respondent, staff); // re-signs after the upheld revocation, for the other tests

    const criticism = await sanctionUnderAppeal({ conventionId, organizationId: respondent, rep: respondentRep }, 'CRITICISM');
    const signed = await signaturesOf(respondent);
    const events = await kit.outboxOf('enforcement.convention.signed', 'organizationId', respondent);
    expect(await review(criticism.sanctionId, 'OVERTURNED')).toMatchObject({ status: 'OVERTURNED', signatureId: null, signatureRestoration: null, restoredSignatureId: null });
    expect(await signaturesOf(respondent)).toEqual(signed);
    expect(await kit.outboxOf('enforcement.convention.signed', 'organizationId', respondent)).toEqual(events);
  });

  it('registers show public entries within their period only; the expiry job delists them', async () => {
    const id = await caseReadyForFinding([3]);
    dataOf(await kit.gql(FINDING, { input: { complaintId: id, finding: 'BREACH', breachedArticles: [3], adverseImpact: true, summary: '经查证属实，造成不良影响。' } }, investigator));
    expect(reasonOf(await kit.gql(DECIDE, { input: { complaintId: id, decision: 'SANCTION', summary: '内部通报。', sanction: { grade: 'INTERNAL_CIRCULAR', basisArticles: [3], publicationScope: 'PUBLIC', publicationDays: 30 } } }, staff))).toBe('SANCTION_GRADE_NOT_ALLOWED');
    const internal = dataOf(
      await kit.gql<{ decideComplaint: { sanctionId: string } }>(DECIDE, { input: { complaintId: id, decision: 'SANCTION', summary: '在成员单位内部通报。', sanction: { grade: 'INTERNAL_CIRCULAR', basisArticles: [3], publicationScope: 'INTERNAL', publicationDays: 30 } } }, staff),
    ).decideComplaint;
    expect(dataOf(await kit.gql<{ sanctionRegister: Array<{ id: string }> }>(REGISTER, { associationId })).sanctionRegister.map((s) => s.id)).not.toContain(internal.sanctionId);

    const commend = `mutation($input: CommendInput!) { commend(input: $input) { id } }`;
    const publicOne = dataOf(await kit.gql<{ commend: { id: string } }>(commend, { input: { conventionId, organizationId: bystander, citation: '积极践行公约，保护用户信息成效显著。', basisArticles: [3], publicationScope: 'PUBLIC', publicationDays: 10 } }, staff)).commend;
    const internalOne = dataOf(await kit.gql<{ commend: { id: string } }>(commend, { input: { conventionId, personName: '赵六', citation: '热心行业自律工作，表现突出。', publicationScope: 'INTERNAL', publicationDays: 10 } }, staff)).commend;
    expect(errorCodeOf(await kit.gql(commend, { input: { conventionId, organizationId: bystander, citation: '自己表彰自己的单位。', publicationScope: 'PUBLIC', publicationDays: 10 } }, bystanderRep))).toBe('FORBIDDEN');
    const listed = dataOf(await kit.gql<{ commendationRegister: Array<{ id: string; organizationName: string }> }>(COMMENDATIONS, { associationId })).commendationRegister;
    expect(listed.map((c) => c.id)).toContain(publicOne.id);
    expect(listed.map((c) => c.id)).not.toContain(internalOne.id);

    const sanctions = service.app.get(SanctionsService);
    expect(await sanctions.expireRegisters(kit.daysFromToday(5))).toEqual({ sanctions: [], commendations: [] });
    const expired = await sanctions.expireRegisters(kit.daysFromToday(10));
    expect(expired.commendations).toEqual(expect.arrayContaining([publicOne.id, internalOne.id]));
    expect(dataOf(await kit.gql<{ commendationRegister: Array<{ id: string }> }>(COMMENDATIONS, { associationId })).commendationRegister.map((c) => c.id)).not.toContain(publicOne.id);
    expect((await sanctions.expireRegisters(kit.daysFromToday(10))).commendations).toEqual([]);
  });

  it('a dispute goes from negotiation to mediation; a failed mediation becomes a complaint, once', async () => {
    const OPEN = `mutation($input: OpenDisputeInput!) { openDispute(input: $input) { id stage } }`;
    const opened = dataOf(await kit.gql<{ openDispute: { id: string } }>(OPEN, { input: { conventionId, claimantOrganizationId: complainantUnit, otherOrganizationId: bystander, subject: '双方就合作项目的数据归属发生争议。' } }, complainantRep)).openDispute;
    expect(reasonOf(await kit.gql(OPEN, { input: { conventionId, claimantOrganizationId: complainantUnit, otherOrganizationId: outsider, subject: '与非签约单位的争议不在本公约内。' } }, complainantRep))).toBe('PARTY_NOT_SIGNATORY');
    const ESCALATE = `mutation($input: EscalateDisputeInput!) { escalateDisputeToComplaint(input: $input) { id stage complaintId } }`;
    const escalation = { disputeId: opened.id, complainantOrganizationId: complainantUnit, articleNumbers: [3], facts: '调解失败，对方继续违规使用数据。', complainantName: '王五' };
    expect(reasonOf(await kit.gql(ESCALATE, { input: escalation }, complainantRep))).toBe('WRONG_DISPUTE_STAGE');
    dataOf(await kit.gql(`mutation($id: ID!) { requestMediation(disputeId: $id) { stage } }`, { id: opened.id }, bystanderRep));
    expect(reasonOf(await kit.gql(`mutation($input: RecordMediationFailureInput!) { recordMediationFailure(input: $input) { stage } }`, { input: { disputeId: opened.id, reason: '双方未能达成一致意见。' } }, complainantRep))).toBe('MEDIATOR_ONLY');
    dataOf(await kit.gql(`mutation($input: RecordMediationFailureInput!) { recordMediationFailure(input: $input) { stage } }`, { input: { disputeId: opened.id, reason: '双方未能达成一致意见。' } }, staff));
    const escalated = dataOf(await kit.gql<{ escalateDisputeToComplaint: { stage: string; complaintId: string } }>(ESCALATE, { input: escalation }, complainantRep)).escalateDisputeToComplaint;
    expect(escalated.stage).toBe('FAILED');
    const [complaint] = await sqlQuery<{ source: string; respondent_organization_id: string }>(service.databaseUrl, `SELECT source, respondent_organization_id FROM enforcement.complaint WHERE id = $1`, [escalated.complaintId]);
    expect(complaint).toEqual({ source: 'SIGNATORY', respondent_organization_id: bystander });
    expect(reasonOf(await kit.gql(ESCALATE, { input: escalation }, complainantRep))).toBe('ALREADY_ESCALATED');

    // The other path: settled in negotiation.
    const other = dataOf(await kit.gql<{ openDispute: { id: string } }>(OPEN, { input: { conventionId, claimantOrganizationId: bystander, otherOrganizationId: complainantUnit, subject: '关于人员流动的竞业争议事项。' } }, bystanderRep)).openDispute;
    const settled = dataOf(await kit.gql<{ recordSettlement: { stage: string; settledOn: string } }>(`mutation($input: RecordSettlementInput!) { recordSettlement(input: $input) { stage settledOn } }`, { input: { disputeId: other.id, terms: '双方同意互不挖角，维护行业团结。', settledOn: kit.today } }, complainantRep)).recordSettlement;
    expect(settled).toEqual({ stage: 'SETTLED', settledOn: kit.today });
  });

  it('reports on the executing body reach the regulator and no staff of the executing body', async () => {
    const REPORT = `mutation($input: ReportExecutingBodyInput!) { reportExecutingBody(input: $input) { id } }`;
    const LIST = `query($associationId: ID) { oversightReports(associationId: $associationId) { id allegation reporterOrganizationId } }`;
    const report = dataOf(await kit.gql<{ reportExecutingBody: { id: string } }>(REPORT, { input: { associationId, reporterOrganizationId: bystander, subject: 'STAFF', staffName: '某工作人员', conventionId, allegation: '处理投诉时偏袒被投诉单位。' } }, bystanderRep)).reportExecutingBody;
    expect(reasonOf(await kit.gql(REPORT, { input: { associationId, reporterOrganizationId: outsider, subject: 'EXECUTING_BODY', allegation: '执行机构不公正执行公约。' } }, outsiderRep))).toBe('SIGNATORIES_ONLY');
    const regulator = kit.token(associationId, Role.REGULATOR);
    const read = dataOf(await kit.gql<{ oversightReports: Array<{ id: string }> }>(LIST, { associationId }, regulator)).oversightReports;
    expect(read.map((r) => r.id)).toContain(report.id);
    expect(dataOf(await kit.gql<{ oversightReports: Array<{ id: string }> }>(LIST, {}, regulator)).oversightReports.map((r) => r.id)).toContain(report.id);
    for (const role of [Role.ADMIN, Role.SECRETARIAT, Role.INVESTIGATOR]) {
      expect(reasonOf(await kit.gql(LIST, { associationId }, kit.token(associationId, role)))).toBe('SUPERVISING_AUTHORITY_ONLY');
    }
    expect(errorCodeOf(await kit.gql(LIST, {}, staff))).toBe('FORBIDDEN');
  });

  it('scheduled jobs: overdue escalation once per stage, closing after the appeal window, purge of identities after retention', async () => {
    const complaints = service.app.get(ComplaintsService);
    const receipt = await submit(publicInput({ anonymous: false, complainantName: '孙七', complainantContact: 'sun@example.com' }));
    const id = await complaintIdOf(receipt.trackingCode);
    const first = await complaints.escalateOverdue(kit.daysFromToday(16));
    expect(first.escalated).toContain(id);
    expect((await complaints.escalateOverdue(kit.daysFromToday(17))).escalated).not.toContain(id);
    await sqlQuery(service.databaseUrl, `UPDATE enforcement.complaint SET stage_due_on = $2 WHERE id = $1`, [id, kit.daysFromToday(-1)]);
    const overdue = dataOf(await kit.gql<{ overdueComplaints: Array<{ id: string }> }>(`query($associationId: ID!) { overdueComplaints(associationId: $associationId) { id } }`, { associationId }, staff)).overdueComplaints;
    expect(overdue.map((c) => c.id)).toContain(id);
    expect(errorCodeOf(await kit.gql(`query($associationId: ID!) { overdueComplaints(associationId: $associationId) { id } }`, { associationId }, respondentRep))).toBe('FORBIDDEN');

    // A dismissed case closes after its decision period; its identity is purged after retention.
    const caseId = await caseReadyForFinding([4]);
    dataOf(await kit.gql(FINDING, { input: { complaintId: caseId, finding: 'NO_BREACH', summary: '经调查，未发现违反公约的行为。' } }, investigator));
    expect(reasonOf(await kit.gql(DECIDE, { input: { complaintId: caseId, decision: 'SANCTION', summary: '无违约仍处罚不允许。', sanction: { grade: 'CRITICISM', basisArticles: [4], publicationScope: 'PUBLIC', publicationDays: 30 } } }, staff))).toBe('DECISION_NOT_ALLOWED');
    dataOf(await kit.gql(DECIDE, { input: { complaintId: caseId, decision: 'DISMISSAL', summary: '驳回投诉，未发现违约。' } }, staff));
    const run = await complaints.escalateOverdue(kit.daysFromToday(16));
    expect(run.closed).toContain(caseId);
    const notYet = await complaints.purgePersonalData(730, new Date(Date.now() + 729 * 86_400_000));
    expect(notYet.purged).not.toContain(caseId);
    const purged = await complaints.purgePersonalData(730, new Date(Date.now() + 731 * 86_400_000));
    expect(purged.purged).toContain(caseId);
    const [row] = await sqlQuery<{ complainant_identity: string | null; facts: string; stage: string }>(service.databaseUrl, `SELECT complainant_identity, facts, stage FROM enforcement.complaint WHERE id = $1`, [caseId]);
    expect(row).toMatchObject({ complainant_identity: null, stage: 'CLOSED' });
    expect(reasonOf(await kit.gql(IDENTITY, { complaintId: caseId, purpose: '保留期后读取' }, staff))).toBe('IDENTITY_PURGED');
    expect((await complaints.purgePersonalData(730, new Date(Date.now() + 731 * 86_400_000))).purged).toEqual([]);
  });

  it('regulator referrals are idempotent by key; statistics count by stage, source, article and month', async () => {
    const regulator = kit.token(associationId, Role.REGULATOR);
    const input = { associationId, idempotencyKey: `ref-${randomUUID()}`, conventionId, respondentOrganizationId: respondent, articleNumbers: [6], facts: '主管部门转办：群众反映该单位存在违规行为。', referralReference: '网信转〔2026〕8号' };
    const first = dataOf(await kit.gql<{ referComplaint: { complaintId: string; secret: string | null } }>(REFER, { input }, regulator)).referComplaint;
    const again = dataOf(await kit.gql<{ referComplaint: { complaintId: string; secret: string | null } }>(REFER, { input }, regulator)).referComplaint;
    expect(again.complaintId).toBe(first.complaintId);
    expect(again.secret).toBeNull();
    expect(reasonOf(await kit.gql(REFER, { input: { ...input, facts: '另一件事情，但使用了相同的幂等键。' } }, regulator))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(errorCodeOf(await kit.gql(REFER, { input: { ...input, idempotencyKey: `ref-${randomUUID()}` } }, staff))).toBe('FORBIDDEN');
    expect(await sqlQuery(service.databaseUrl, `SELECT 1 FROM enforcement.complaint WHERE idempotency_key = $1`, [input.idempotencyKey])).toHaveLength(1);

    const STATS = `query($associationId: ID!, $from: String!, $to: String!) { complaintStatistics(associationId: $associationId, from: $from, to: $to) { total byStage { key count } bySource { key count } byArticle { key count } byMonth { key count } } }`;
    const stats = dataOf(await kit.gql<{ complaintStatistics: { total: number; bySource: Array<{ key: string; count: number }>; byArticle: Array<{ key: string; count: number }>; byMonth: Array<{ key: string }> } }>(STATS, { associationId, from: kit.daysFromToday(-1), to: kit.today }, regulator)).complaintStatistics;
    expect(stats.total).toBeGreaterThan(5);
    expect(stats.bySource.find((s) => s.key === 'REGULATOR')?.count).toBe(1);
    expect(stats.byArticle.find((s) => s.key === '6')?.count).toBe(1);
    expect(stats.byMonth.map((m) => m.key)).toContain(kit.today.slice(0, 7));
    expect(reasonOf(await kit.gql(STATS, { associationId, from: kit.today, to: kit.daysFromToday(-3) }, regulator))).toBe('INVALID_PERIOD');
    expect(errorCodeOf(await kit.gql(STATS, { associationId, from: kit.today, to: kit.today }, respondentRep))).toBe('FORBIDDEN');
  });
});
