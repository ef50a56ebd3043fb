import { randomUUID } from 'node:crypto';
import { todayInChina } from '@app/common';
import { Queue } from 'bullmq';
import { AccessTokenSigner, Role } from '@app/auth';
import { JOB_CATALOG, QUEUE_PREFIX, jobQueueName, type DomainEventEnvelope } from '@app/messaging';
import { TestEventDelivery, aCreditCode, aCreditCodeWithWrongCheckCharacter, aDomainEvent, aShortCode, anEmail, dataOf, errorCodeOf, eventually, graphql, insertPlatformAdmin, sqlQuery, startServiceInProcess, testRedisUrl, type InProcessService } from '@app/testing';
import { MembershipAppModule } from '../app.module';
import { IMPORT_CHUNK_ROWS } from '../imports/jobs/import-members.processor';
import { MembershipConfig } from '../config/membership.config';

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
const PASSWORD = 'a long enough password';
const PDF = Buffer.from('%PDF-1.4\n% evidence\n').toString('base64');
const CRITERIA = ['LOCAL_REGISTRATION', 'FIELD_OF_WORK', 'OPERATING_ONE_YEAR', 'GOOD_CREDIT', 'TECHNICAL_CAPACITY', 'CHARTER_AGREEMENT'];

describe('membership core: admission, dues, notices, directory, import (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<MembershipConfig>;
  let admin: string;
  let associationId: string;
  let shortCode: string;
  let signer: AccessTokenSigner;
  const year = Number(todayInChina().slice(0, 4));

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string) => graphql<T>(service.url, query, variables, token ? { token } : {});
  const tokenFor = (association: string, role: Role, extra: { organizationId?: string } = {}) =>
    signer.sign({ accountId: randomUUID(), email: null, kind: 'PERSON', platformAdmin: false, grants: [{ associationId: association, role, ...extra }] }, 300).token;

  beforeAll(async () => {
    service = await startServiceInProcess(MembershipConfig, (c) => MembershipAppModule.forRoot(c), 'membership', { PUBLIC_NOTICE_OBJECTION_DAYS: '5', DUES_GRACE_DAYS: '30' });
    signer = new AccessTokenSigner(service.keys.AUTH_PRIVATE_KEY);
    const email = anEmail('core');
    await insertPlatformAdmin(service.databaseUrl, email, PASSWORD);
    admin = dataOf(await gql<{ login: { accessToken: string } }>(LOGIN, { e: email, p: PASSWORD })).login.accessToken;
    shortCode = aShortCode();
    associationId = dataOf(await gql<{ createAssociation: { id: string } }>(`mutation($i: CreateAssociationInput!) { createAssociation(input: $i) { id } }`, { i: { name: '核心测试协会', shortCode } }, admin)).createAssociation.id;
    dataOf(await gql(`mutation($a: ID!, $n: [String!]!) { defineFieldsOfWork(associationId: $a, names: $n) { id } }`, { a: associationId, n: ['网络安全', '数据安全', '工业信息安全'] }, admin));
    dataOf(await gql(`mutation($i: SetDuesScheduleInput!) { setDuesSchedule(input: $i) { grade } }`, { i: { associationId, year, dueOn: `${year}-03-31`, amounts: [{ grade: 'MEMBER', amountFen: 200000 }, { grade: 'COUNCIL', amountFen: 1000000 }] } }, admin));
  });

  afterAll(async () => {
    await service?.close();
  });

  const SUBMIT = `mutation($i: SubmitMembershipApplicationInput!) { submitMembershipApplication(input: $i) { id status criteria { criterion result } attachments { id sha256 sizeBytes } } }`;
  const unitApplication = (creditCode = aCreditCode(), extra: Record<string, unknown> = {}) => ({
    associationId,
    kind: 'UNIT',
    requestedGrade: 'COUNCIL',
    organization: { name: `申请单位${creditCode.slice(-4)}`, creditCode, legalRepresentative: '张三', registeredCity: '武汉', address: '江岸区', foundedOn: '2015-03-01', fieldsOfWork: ['网络安全'], technicalStaffCount: 25 },
    statements: CRITERIA.map((criterion) => ({ criterion, statement: '符合' })),
    attachments: [{ criterion: 'TECHNICAL_CAPACITY', fileName: '资质.pdf', mimeType: 'application/pdf', contentBase64: PDF }],
    ...extra,
  });
  const reviewAll = (applicationId: string, result = 'MET') => gql(`mutation($i: ReviewMembershipApplicationInput!) { reviewMembershipApplication(input: $i) { status } }`, { i: { applicationId, criteria: CRITERIA.map((criterion) => ({ criterion, result })) } }, admin);
  const decide = (input: Record<string, unknown>, token = admin) => gql<{ decideMembershipApplication: { status: string; admissionNoticeNumber: string | null; membershipId: string | null; rejectionReasons: string | null } }>(`mutation($i: DecideMembershipApplicationInput!) { decideMembershipApplication(input: $i) { status admissionNoticeNumber membershipId rejectionReasons } }`, { i: input }, token);
  const MEMBERSHIP = `query($id: ID!) { membership(id: $id) { status grade memberNumber certificateNumber validUntil history { previousStatus status reason } invoices { id number amountFen status } } }`;

  async function admit(creditCode = aCreditCode()): Promise<{ membershipId: string; applicationId: string; certificateNumber: string; organizationId: string }> {
    const applicant = tokenFor(associationId, Role.MEMBER_REP, { organizationId: randomUUID() });
    const application = dataOf(await gql<{ submitMembershipApplication: { id: string } }>(SUBMIT, { i: unitApplication(creditCode) }, applicant)).submitMembershipApplication;
    dataOf(await reviewAll(application.id));
    const decided = dataOf(await decide({ applicationId: application.id, approve: true })).decideMembershipApplication;
    const { membership } = dataOf(await gql<{ membership: { invoices: Array<{ id: string; amountFen: number }> } }>(MEMBERSHIP, { id: decided.membershipId }, admin));
    const paid = dataOf(await gql<{ recordDuesPayment: { membership: { certificateNumber: string; organizationId: string } } }>(`mutation($i: RecordDuesPaymentInput!) { recordDuesPayment(input: $i) { membership { certificateNumber organizationId } } }`, { i: { invoiceId: membership.invoices[0].id, amountFen: membership.invoices[0].amountFen, paidOn: `${year}-01-15`, method: 'BANK_TRANSFER' } }, admin));
    return { membershipId: decided.membershipId!, applicationId: application.id, certificateNumber: paid.recordDuesPayment.membership.certificateNumber, organizationId: paid.recordDuesPayment.membership.organizationId };
  }

  it('admission end to end: submit → review → decide → invoice → pay → ACTIVE with numbers → public notice → upheld objection reverses it', async () => {
    const applicantAccount = tokenFor(associationId, Role.MEMBER_REP, { organizationId: randomUUID() });
    const creditCode = aCreditCode();
    const submitted = dataOf(await gql<{ submitMembershipApplication: { id: string; status: string; criteria: Array<{ criterion: string; result: string }>; attachments: Array<{ id: string; sha256: string; sizeBytes: number }> } }>(SUBMIT, { i: unitApplication(creditCode) }, applicantAccount)).submitMembershipApplication;
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.criteria.map((c) => c.result)).toEqual(CRITERIA.map(() => 'UNREVIEWED'));
    expect(submitted.attachments[0].sizeBytes).toBe(Buffer.from(PDF, 'base64').length);

    // Approval is refused while a criterion is unreviewed or not met.
    expect((await decide({ applicationId: submitted.id, approve: true })).errors?.[0]?.extensions?.reason).toBe('CRITERIA_NOT_MET');
    dataOf(await gql(`mutation($i: ReviewMembershipApplicationInput!) { reviewMembershipApplication(input: $i) { status } }`, { i: { applicationId: submitted.id, criteria: CRITERIA.map((criterion) => ({ criterion, result: criterion === 'GOOD_CREDIT' ? 'NOT_MET' : 'MET' })) } }, admin));
    const refused = await decide({ applicationId: submitted.id, approve: true });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'CRITERIA_NOT_MET', details: { criteria: ['GOOD_CREDIT'] } });
    dataOf(await reviewAll(submitted.id));
    // Only the secretariat decides.
    expect(errorCodeOf(await decide({ applicationId: submitted.id, approve: true }, applicantAccount))).toBe('FORBIDDEN');
    const approved = dataOf(await decide({ applicationId: submitted.id, approve: true })).decideMembershipApplication;
    expect(approved.status).toBe('APPROVED');
    expect(approved.admissionNoticeNumber).toBe(`${shortCode}-RH${year}-0001`);

    const pending = dataOf(await gql<{ membership: { status: string; grade: string; invoices: Array<{ id: string; amountFen: number; status: string }> } }>(MEMBERSHIP, { id: approved.membershipId }, admin)).membership;
    expect(pending).toMatchObject({ status: 'PENDING', grade: 'COUNCIL', invoices: [{ amountFen: 1000000, status: 'OPEN' }] });
    const pay = (amountFen: number) => gql<{ recordDuesPayment: { membership: { status: string; memberNumber: string; certificateNumber: string } } }>(`mutation($i: RecordDuesPaymentInput!) { recordDuesPayment(input: $i) { membership { status memberNumber certificateNumber } } }`, { i: { invoiceId: pending.invoices[0].id, amountFen, paidOn: `${year}-01-10`, method: 'BANK_TRANSFER' } }, admin);
    expect((await pay(1)).errors?.[0]?.extensions?.reason).toBe('PAYMENT_AMOUNT_MISMATCH');
    const active = dataOf(await pay(1000000)).recordDuesPayment.membership;
    expect(active.status).toBe('ACTIVE');
    expect(active.memberNumber).toMatch(new RegExp(`^${shortCode}-\\d{5}$`));
    expect(active.certificateNumber).toMatch(new RegExp(`^${shortCode}-C${year}-\\d{5}$`));
    expect((await pay(1000000)).errors?.[0]?.extensions?.reason).toBe('INVOICE_ALREADY_PAID');

    // The applicant reads the application; another member's representative may not.
    dataOf(await gql(`query($id: ID!) { membershipApplication(id: $id) { status } }`, { id: submitted.id }, applicantAccount));
    expect(errorCodeOf(await gql(`query($id: ID!) { membershipApplication(id: $id) { status } }`, { id: submitted.id }, tokenFor(associationId, Role.MEMBER_REP, { organizationId: randomUUID() })))).toBe('FORBIDDEN');

    const verified = dataOf(await gql<{ verifyCertificate: Record<string, unknown> }>(`query($n: String!) { verifyCertificate(number: $n) { certificateNumber name grade status validUntil } }`, { n: active.certificateNumber })).verifyCertificate;
    expect(verified).toEqual({ certificateNumber: active.certificateNumber, name: `申请单位${creditCode.slice(-4)}`, grade: 'COUNCIL', status: 'ACTIVE', validUntil: `${year}-12-31` });
    expect(dataOf(await gql<{ verifyCertificate: unknown }>(`query { verifyCertificate(number: "NOPE-1") { name } }`)).verifyCertificate).toBeNull();

    const events = await sqlQuery<{ type: string }>(service.databaseUrl, `SELECT type FROM membership.outbox_event WHERE payload->>'membershipId' = $1`, [approved.membershipId]);
    expect(events.map((e) => e.type)).toEqual(['membership.member.admitted']);

    // Public notice: anyone may object, without login; an upheld objection reverses the admission.
    const notices = dataOf(await gql<{ publicNotices: { nodes: Array<{ id: string; memberName: string; objectionsUntil: string; status: string }> } }>(`query($c: String!) { publicNotices(associationCode: $c, first: 100) { nodes { id memberName objectionsUntil status } } }`, { c: shortCode })).publicNotices.nodes;
    const notice = notices.find((n) => n.memberName === `申请单位${creditCode.slice(-4)}`)!;
    expect(notice).toMatchObject({ status: 'OPEN', objectionsUntil: `${year}-01-15` });
    // The window (5 days from the payment date) may already be over today: reopen it for the test.
    await sqlQuery(service.databaseUrl, `UPDATE membership.public_notice SET objections_until = current_date + 5 WHERE id = $1`, [notice.id]);
    const receipt = dataOf(await gql<{ lodgeObjection: { id: string } }>(`mutation($i: LodgeObjectionInput!) { lodgeObjection(input: $i) { id } }`, { i: { noticeId: notice.id, grounds: '该单位实际不在本地经营', objectorContact: '13812345678' } })).lodgeObjection;
    dataOf(await gql(`mutation($i: DecideObjectionInput!) { decideObjection(input: $i) { status } }`, { i: { objectionId: receipt.id, upheld: true, note: '经核实异议成立' } }, admin));
    const reversed = dataOf(await gql<{ membership: { status: string; history: Array<{ previousStatus: string; status: string }> } }>(MEMBERSHIP, { id: approved.membershipId }, admin)).membership;
    expect(reversed.status).toBe('NONE');
    expect(reversed.history.map((h) => `${h.previousStatus}>${h.status}`)).toEqual(['NONE>PENDING', 'PENDING>ACTIVE', 'ACTIVE>NONE']);
    expect(dataOf(await gql<{ membershipApplication: { status: string } }>(`query($id: ID!) { membershipApplication(id: $id) { status } }`, { id: submitted.id }, admin)).membershipApplication.status).toBe('REVERSED');
    const [organization] = await sqlQuery<{ membership_status: string }>(service.databaseUrl, `SELECT membership_status FROM membership.organization WHERE credit_code = $1`, [creditCode]);
    expect(organization.membership_status).toBe('NONE');
  });

  it('rejection carries reasons the applicant reads; a branch of an outside company needs a site visit', async () => {
    const applicant = tokenFor(associationId, Role.MEMBER_REP, { organizationId: randomUUID() });
    const rejected = dataOf(await gql<{ submitMembershipApplication: { id: string } }>(SUBMIT, { i: unitApplication() }, applicant)).submitMembershipApplication;
    expect((await decide({ applicationId: rejected.id, approve: false })).errors?.[0]?.extensions?.reason).toBe('REJECTION_REASONS_REQUIRED');
    dataOf(await decide({ applicationId: rejected.id, approve: false, reasons: '经营未满一年' }));
    const read = dataOf(await gql<{ membershipApplication: { status: string; rejectionReasons: string } }>(`query($id: ID!) { membershipApplication(id: $id) { status rejectionReasons } }`, { id: rejected.id }, applicant)).membershipApplication;
    expect(read).toEqual({ status: 'REJECTED', rejectionReasons: '经营未满一年' });

    const branch = dataOf(await gql<{ submitMembershipApplication: { id: string } }>(SUBMIT, { i: unitApplication(aCreditCode(), { branchOfOutsideCompany: true }) }, applicant)).submitMembershipApplication;
    dataOf(await reviewAll(branch.id));
    expect((await decide({ applicationId: branch.id, approve: true })).errors?.[0]?.extensions?.reason).toBe('SITE_VISIT_REQUIRED');
    dataOf(await gql(`mutation($i: ReviewMembershipApplicationInput!) { reviewMembershipApplication(input: $i) { status } }`, { i: { applicationId: branch.id, criteria: [], siteVisit: { visitedOn: `${year}-01-05`, result: 'MET' } } }, admin));
    expect(dataOf(await decide({ applicationId: branch.id, approve: true })).decideMembershipApplication.status).toBe('APPROVED');
  });

  it('refuses bad input and outsiders, and nothing changes', async () => {
    const before = await sqlQuery<{ n: number }>(service.databaseUrl, `SELECT count(*)::int AS n FROM membership.membership_application`);
    const applicant = tokenFor(associationId, Role.MEMBER_REP, { organizationId: randomUUID() });
    const wrong = await gql(SUBMIT, { i: unitApplication(aCreditCodeWithWrongCheckCharacter()) }, applicant);
    expect(errorCodeOf(wrong)).toBe('BAD_USER_INPUT');
    const fake = await gql(SUBMIT, { i: unitApplication(aCreditCode(), { attachments: [{ fileName: 'x.pdf', mimeType: 'application/pdf', contentBase64: Buffer.from('MZ not a pdf').toString('base64') }] }) }, applicant);
    expect(fake.errors?.[0]?.extensions?.reason).toBe('FILE_TYPE_MISMATCH');
    const unknownField = await gql(SUBMIT, { i: { ...unitApplication(), organization: { ...unitApplication().organization, fieldsOfWork: ['量子安全'] } } }, applicant);
    expect(unknownField.errors?.[0]?.extensions?.reason).toBe('UNKNOWN_FIELD_OF_WORK');
    // Another association's staff, a regulator and an anonymous caller.
    expect(errorCodeOf(await gql(SUBMIT, { i: unitApplication() }, tokenFor(randomUUID(), Role.ADMIN)))).toBe('FORBIDDEN');
    expect(errorCodeOf(await gql(SUBMIT, { i: unitApplication() }, tokenFor(associationId, Role.REGULATOR)))).toBe('FORBIDDEN');
    expect(errorCodeOf(await gql(SUBMIT, { i: unitApplication() }))).toBe('UNAUTHENTICATED');
    const after = await sqlQuery<{ n: number }>(service.databaseUrl, `SELECT count(*)::int AS n FROM membership.membership_application`);
    expect(after[0].n).toBe(before[0].n);
    const { membershipId } = await admit();
    expect(errorCodeOf(await gql(MEMBERSHIP, { id: membershipId }, tokenFor(randomUUID(), Role.ADMIN)))).toBe('FORBIDDEN');
    expect((await gql(`mutation($i: ChangeMembershipStatusInput!) { changeMembershipStatus(input: $i) { status } }`, { i: { membershipId, status: 'LAPSED', reason: '手工' } }, admin)).errors?.[0]?.extensions?.reason).toBe('STATUS_NOT_DECIDED_BY_HAND');
  });

  it('people: contacts masked in lists; full contact only to the secretariat, each read audited', async () => {
    const { registerPerson } = dataOf(await gql<{ registerPerson: { id: string; maskedPhone: string; maskedEmail: string } }>(`mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { id maskedPhone maskedEmail } }`, { i: { associationId, name: '李四', phone: '13812345678', email: 'lisi@example.org' } }, admin));
    expect(registerPerson).toMatchObject({ maskedPhone: '138****5678', maskedEmail: 'l***@example.org' });
    const investigator = tokenFor(associationId, Role.INVESTIGATOR);
    const listed = dataOf(await gql<{ people: { nodes: Array<{ maskedPhone: string }> } }>(`query($a: ID!) { people(associationId: $a, first: 100) { nodes { maskedPhone } } }`, { a: associationId }, investigator)).people.nodes;
    expect(listed.map((p) => p.maskedPhone)).toContain('138****5678');
    expect(JSON.stringify(listed)).not.toContain('13812345678');
    expect(errorCodeOf(await gql(`query($id: ID!) { personContact(id: $id, purpose: "x") { phone } }`, { id: registerPerson.id }, investigator))).toBe('FORBIDDEN');
    const secretariat = tokenFor(associationId, Role.SECRETARIAT);
    const contact = dataOf(await gql<{ personContact: { phone: string; email: string } }>(`query($id: ID!) { personContact(id: $id, purpose: "发送会议通知") { phone email } }`, { id: registerPerson.id }, secretariat)).personContact;
    expect(contact).toEqual({ phone: '13812345678', email: 'lisi@example.org' });
    dataOf(await gql(`mutation($i: UpdatePersonInput!) { updatePerson(input: $i) { id } }`, { i: { id: registerPerson.id, phone: '13900001111' } }, admin));
    const audit = await sqlQuery<{ action: string; details: Record<string, unknown> }>(service.databaseUrl, `SELECT action, details FROM membership.audit_entry WHERE subject_id = $1 ORDER BY at`, [registerPerson.id]);
    expect(audit.map((a) => a.action)).toEqual(['person.created', 'person.contact.read', 'person.updated']);
    expect(audit[1].details).toEqual({ purpose: '发送会议通知' });
    expect(audit[2].details).toEqual({ fields: ['phone'] });
    expect(JSON.stringify(audit)).not.toContain('13900001111');
  });

  it("an individual member's status change is published for the other services, with the membership's revision", async () => {
    const { registerPerson } = dataOf(await gql<{ registerPerson: { id: string } }>(`mutation($i: RegisterPersonInput!) { registerPerson(input: $i) { id } }`, { i: { associationId, name: '个人会员王五' } }, admin));
    const [{ id: membershipId }] = await sqlQuery<{ id: string }>(
      service.databaseUrl,
      `INSERT INTO membership.membership (association_id, kind, person_id, status, member_number, certificate_number, admitted_on, valid_until)
       VALUES ($1, 'INDIVIDUAL', $2, 'ACTIVE', $3, $4, DATE '2025-01-01', DATE '2099-12-31') RETURNING id`,
      [associationId, registerPerson.id, `P-${registerPerson.id.slice(0, 8)}`, `C-${registerPerson.id.slice(0, 8)}`],
    );
    dataOf(await gql(`mutation($i: ChangeMembershipStatusInput!) { changeMembershipStatus(input: $i) { status } }`, { i: { membershipId, status: 'SUSPENDED', reason: '暂停会员资格' } }, admin));
    const events = await sqlQuery<{ payload: Record<string, unknown> }>(service.databaseUrl, `SELECT payload FROM membership.outbox_event WHERE type = 'membership.individual.status-changed' AND payload->>'membershipId' = $1`, [membershipId]);
    expect(events.map((e) => e.payload)).toEqual([{ membershipId, personId: registerPerson.id, previousStatus: 'ACTIVE', status: 'SUSPENDED', reason: '暂停会员资格', revision: 2 }]);
  });

  it('dues sweep: unpaid ACTIVE → GRACE, then past the grace period → LAPSED, and reports what it changed', async () => {
    const { membershipId } = await admit();
    const sweep = (asOf: string) => gql<{ runDuesSweep: { asOf: string; changed: Array<{ membershipId: string; previousStatus: string; status: string }> } }>(`mutation($a: ID!, $d: String) { runDuesSweep(associationId: $a, asOf: $d) { asOf changed { membershipId previousStatus status } } }`, { a: associationId, d: asOf }, admin);
    expect(dataOf(await sweep(`${year}-12-31`)).runDuesSweep.changed.filter((c) => c.membershipId === membershipId)).toEqual([]);
    expect(dataOf(await sweep(`${year + 1}-01-05`)).runDuesSweep.changed.filter((c) => c.membershipId === membershipId)).toEqual([{ membershipId, previousStatus: 'ACTIVE', status: 'GRACE' }]);
    expect(dataOf(await sweep(`${year + 1}-01-20`)).runDuesSweep.changed.filter((c) => c.membershipId === membershipId)).toEqual([]);
    expect(dataOf(await sweep(`${year + 1}-02-15`)).runDuesSweep.changed.filter((c) => c.membershipId === membershipId)).toEqual([{ membershipId, previousStatus: 'GRACE', status: 'LAPSED' }]);
    expect(errorCodeOf(await gql(`mutation($a: ID!) { runDuesSweep(associationId: $a) { asOf } }`, { a: associationId }, tokenFor(associationId, Role.SECRETARIAT)))).toBe('FORBIDDEN');
    expect((await sweep('yesterday')).errors?.[0]?.extensions?.reason).toBe('INVALID_DATE');
  });

  it('member directory is public with public fields only, filterable; the certificate of a lapsed member says so', async () => {
    const { certificateNumber } = await admit();
    const directory = await gql<{ memberDirectory: { totalCount: number; nodes: Array<Record<string, unknown>> } }>(`query($c: String!) { memberDirectory(associationCode: $c, grade: COUNCIL, fieldOfWork: "网络安全", first: 100) { totalCount nodes { name grade fieldsOfWork status registeredCity } } }`, { c: shortCode });
    const nodes = dataOf(directory).memberDirectory.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.grade === 'COUNCIL' && (n.fieldsOfWork as string[]).includes('网络安全'))).toBe(true);
    expect(JSON.stringify(nodes)).not.toMatch(/张三|江岸区/);
    expect(dataOf(await gql<{ memberDirectory: { totalCount: number } }>(`query($c: String!) { memberDirectory(associationCode: $c, fieldOfWork: "工业信息安全") { totalCount } }`, { c: shortCode })).memberDirectory.totalCount).toBe(0);
    // Legal representative and address are not even in the public type.
    expect(errorCodeOf(await gql(`query($c: String!) { memberDirectory(associationCode: $c) { nodes { legalRepresentative } } }`, { c: shortCode }))).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(dataOf(await gql<{ verifyCertificate: { status: string } }>(`query($n: String!) { verifyCertificate(number: $n) { status } }`, { n: certificateNumber })).verifyCertificate.status).toBe('ACTIVE');
    const csv = dataOf(await gql<{ exportMemberDirectory: string }>(`query($a: ID!) { exportMemberDirectory(associationId: $a) }`, { a: associationId }, admin)).exportMemberDirectory;
    expect(csv.startsWith('\uFEFF会员编号,单位名称,统一社会信用代码,会员等级')).toBe(true);
  });

  it('sanctions from enforcement appear on the record; REVOCATION does not expel', async () => {
    const { organizationId, membershipId } = await admit();
    const delivery = new TestEventDelivery('membership');
    try {
      const event = aDomainEvent('enforcement.sanction.imposed', associationId, {
        sanctionId: randomUUID(), caseId: randomUUID(), organizationId, grade: 'REVOCATION', basisArticles: ['第十二条'], conventionId: randomUUID(), decidedOn: `${year}-02-01`, publicationScope: 'PUBLIC', publishedUntil: null,
      });
      expect(await delivery.deliver(event)).toBe('APPLIED');
      expect(await delivery.deliver(event, `${event.id}-again`)).toBe('DUPLICATE');
      const sanctions = await eventually(async () => {
        const org = dataOf(await gql<{ organization: { sanctions: Array<{ grade: string; basisArticles: string[] }> } }>(`query($id: ID!) { organization(id: $id) { sanctions { grade basisArticles } } }`, { id: organizationId }, admin)).organization;
        return org.sanctions.length > 0 ? org.sanctions : undefined;
      }, { what: 'the sanction recorded' });
      expect(sanctions).toEqual([{ grade: 'REVOCATION', basisArticles: ['第十二条'] }]);
      expect(dataOf(await gql<{ membership: { status: string } }>(MEMBERSHIP, { id: membershipId }, admin)).membership.status).toBe('ACTIVE');
    } finally {
      await delivery.close();
    }
  });

  it('a sanction overturned on appeal stays on the record, marked; redelivered or early overturns are applied exactly once', async () => {
    const { organizationId } = await admit();
    const delivery = new TestEventDelivery('membership');
    const envelope = <T extends 'enforcement.sanction.imposed' | 'enforcement.sanction.overturned'>(type: T, payload: DomainEventEnvelope<T>['payload']) => aDomainEvent(type, associationId, payload);
    const deliver = (event: DomainEventEnvelope<'enforcement.sanction.imposed' | 'enforcement.sanction.overturned'>, jobId: string = event.id) => delivery.deliver(event, jobId);
    const sanction = (grade: 'CRITICISM' | 'CONDEMNATION', decidedOn: string) => {
      const base = { sanctionId: randomUUID(), caseId: randomUUID(), organizationId, grade, conventionId: randomUUID() };
      return {
        imposed: envelope('enforcement.sanction.imposed', { ...base, basisArticles: ['第八条'], decidedOn, publicationScope: 'INTERNAL', publishedUntil: null }),
        overturned: (overturnedOn: string) => envelope('enforcement.sanction.overturned', { ...base, overturnedOn }),
      };
    };
    const recordOf = async () =>
      dataOf(await gql<{ organization: { sanctions: Array<{ sanctionId: string; grade: string; decidedOn: string; overturnedOn: string | null }> } }>(`query($id: ID!) { organization(id: $id) { sanctions { sanctionId grade decidedOn overturnedOn } } }`, { id: organizationId }, admin)).organization.sanctions;
    try {
      // Imposed, then overturned: the record keeps the sanction and shows when it was overturned.
      const first = sanction('CRITICISM', `${year}-02-01`);
      expect(await deliver(first.imposed)).toBe('APPLIED');
      expect(await recordOf()).toEqual([{ sanctionId: first.imposed.payload.sanctionId, grade: 'CRITICISM', decidedOn: `${year}-02-01`, overturnedOn: null }]);
      const overturn = first.overturned(`${year}-04-10`);
      expect(await deliver(overturn)).toBe('APPLIED');
      // Delivered twice: the inbox refuses the second copy; re-published under a new id, the first overturn still stands.
      expect(await deliver(overturn, `${overturn.id}-again`)).toBe('DUPLICATE');
      expect(await deliver({ ...overturn, id: randomUUID(), payload: { ...overturn.payload, overturnedOn: `${year}-05-01` } })).toBe('APPLIED');
      expect(await recordOf()).toEqual([{ sanctionId: first.imposed.payload.sanctionId, grade: 'CRITICISM', decidedOn: `${year}-02-01`, overturnedOn: `${year}-04-10` }]);
      const [stored] = await sqlQuery<{ overturn_event_id: string; n: number }>(service.databaseUrl, `SELECT overturn_event_id, (SELECT count(*)::int FROM membership.sanction_overturn WHERE sanction_id = $1) AS n FROM membership.sanction_record WHERE sanction_id = $1`, [first.imposed.payload.sanctionId]);
      expect(stored).toEqual({ overturn_event_id: overturn.id, n: 1 });

      // Overturned arriving before imposed: nothing to show yet, and once the sanction arrives it is already overturned.
      const second = sanction('CONDEMNATION', `${year}-03-01`);
      expect(await deliver(second.overturned(`${year}-06-01`))).toBe('APPLIED');
      expect((await recordOf()).map((s) => s.sanctionId)).toEqual([first.imposed.payload.sanctionId]);
      expect(await deliver(second.imposed)).toBe('APPLIED');
      expect(await deliver({ ...second.imposed, id: randomUUID() })).toBe('APPLIED');
      expect(await recordOf()).toEqual([
        { sanctionId: second.imposed.payload.sanctionId, grade: 'CONDEMNATION', decidedOn: `${year}-03-01`, overturnedOn: `${year}-06-01` },
        { sanctionId: first.imposed.payload.sanctionId, grade: 'CRITICISM', decidedOn: `${year}-02-01`, overturnedOn: `${year}-04-10` },
      ]);

      // An overturn for another tenant's organization is ignored.
      const foreign = envelope('enforcement.sanction.overturned', { sanctionId: randomUUID(), caseId: randomUUID(), organizationId: randomUUID(), grade: 'CRITICISM', conventionId: randomUUID(), overturnedOn: `${year}-06-01` });
      expect(await deliver(foreign)).toBe('APPLIED');
      expect(await sqlQuery(service.databaseUrl, `SELECT 1 FROM membership.sanction_overturn WHERE sanction_id = $1`, [foreign.payload.sanctionId])).toEqual([]);
    } finally {
      await delivery.close();
    }
  });

  it('importMembers: BOM and Chinese headers, bad rows reported by row and column, re-run adds no duplicates', async () => {
    const codes = [aCreditCode(), aCreditCode(), aCreditCode()];
    const csv = [
      '\uFEFF单位名称,统一社会信用代码,会员等级,法定代表人,注册城市,地址,成立日期,业务领域,技术人员数',
      `导入甲,${codes[0]},理事单位,王五,武汉,某地,2014-05-01,网络安全；数据安全,30`,
      `导入乙,${codes[1].slice(0, 17)}${codes[1][17] === '0' ? '1' : '0'},会员,,,,,,`,
      `导入丙,${codes[2]},顾问,,,,2015-02-30,,`,
      `导入丁,${codes[1]},会员,,武汉,,,,`,
    ].join('\r\n');
    const run = async () => {
      const id = dataOf(await gql<{ importMembers: { id: string } }>(`mutation($a: ID!, $c: String!) { importMembers(associationId: $a, csv: $c) { id } }`, { a: associationId, c: csv }, admin)).importMembers.id;
      return eventually(async () => {
        const r = dataOf(await gql<{ batchRun: { state: string; total: number; succeeded: number; failed: number; errors: Array<{ item: string; message: string }> } }>(`query($id: ID!) { batchRun(id: $id) { state total succeeded failed errors { item message } } }`, { id }, admin)).batchRun;
        return r.state === 'RUNNING' || r.state === 'QUEUED' ? undefined : r;
      }, { what: 'the import to finish', timeoutMs: 30_000 });
    };
    const first = await run();
    expect(first).toMatchObject({ state: 'COMPLETED_WITH_ERRORS', total: 4, succeeded: 2, failed: 2 });
    expect(first.errors.map((e) => e.item)).toEqual(['row 3', 'row 4']);
    expect(first.errors[0].message).toContain('统一社会信用代码');
    expect(first.errors[1].message).toMatch(/会员等级.*成立日期/);
    const state = () =>
      sqlQuery(
        service.databaseUrl,
        `SELECT o.credit_code, o.revision, m.id AS membership_id, m.member_number, m.certificate_number, m.revision AS membership_revision,
                (SELECT count(*)::int FROM membership.outbox_event e WHERE e.payload->>'organizationId' = o.id::text) AS events
           FROM membership.organization o LEFT JOIN membership.membership m ON m.organization_id = o.id
          WHERE o.credit_code = ANY($1) ORDER BY o.credit_code, m.id`,
        [codes],
      );
    const before = await state();
    const second = await run();
    expect(second).toMatchObject({ total: 4, succeeded: 2, failed: 2 });
    expect(second.errors).toEqual(first.errors);
    // Nothing changed: same rows, same numbers, same revisions, no new events.
    expect(await state()).toEqual(before);
    const rows = await sqlQuery<{ credit_code: string; n: number; grade: string; status: string }>(service.databaseUrl, `SELECT o.credit_code, count(m.id)::int AS n, min(m.grade) AS grade, min(m.status) AS status FROM membership.organization o LEFT JOIN membership.membership m ON m.organization_id = o.id WHERE o.credit_code = ANY($1) GROUP BY o.credit_code ORDER BY o.credit_code`, [[codes[0], codes[1]]]);
    expect(rows.map((r) => [r.n, r.status])).toEqual([[1, 'ACTIVE'], [1, 'ACTIVE']]);
    const [{ events }] = await sqlQuery<{ events: number }>(service.databaseUrl, `SELECT count(*)::int AS events FROM membership.outbox_event WHERE type = 'membership.member.admitted' AND payload->>'organizationId' IN (SELECT id::text FROM membership.organization WHERE credit_code = ANY($1))`, [[codes[0], codes[1]]]);
    expect(events).toBe(2);
  });

  it('a long import can be followed while it runs: partial counts that only grow, then totals and the bad rows by number', async () => {
    // Several chunks of valid rows, with one bad credit code in the second chunk and one impossible date in the third.
    const valid = 3 * IMPORT_CHUNK_ROWS;
    const lines = Array.from({ length: valid }, (_, i) => `进度导入${i},${aCreditCode()},会员`);
    lines.splice(IMPORT_CHUNK_ROWS + 500, 0, `坏代码单位,${aCreditCodeWithWrongCheckCharacter()},会员`);
    lines.splice(2 * IMPORT_CHUNK_ROWS + 700, 0, `坏日期单位,${aCreditCode()},会员,2015-02-30`);
    const badRows = [IMPORT_CHUNK_ROWS + 500 + 2, 2 * IMPORT_CHUNK_ROWS + 700 + 2]; // the header is row 1
    const csv = ['单位名称,统一社会信用代码,会员等级,成立日期', ...lines].join('\n');
    const total = valid + 2;

    // A file this size is beyond what one GraphQL request body carries, so it goes the way the job catalog
    // documents for batch clients: the job envelope on the service's job queue, followed with batchRun(id).
    const id = randomUUID();
    const queue = new Queue(jobQueueName('membership'), { connection: { url: testRedisUrl() }, prefix: QUEUE_PREFIX });
    try {
      await queue.add('membership.members.import', { payload: { associationId, csv }, associationId, requestedBy: 'import-test', requestId: null }, { ...JOB_CATALOG['membership.members.import'].policy, jobId: id });
    } finally {
      await queue.close();
    }

    type Run = { state: string; total: number | null; processed: number; succeeded: number; failed: number; errors: Array<{ item: string; message: string }> };
    const seen: Run[] = [];
    const done = await eventually(async () => {
      const run = dataOf(await gql<{ batchRun: Run }>(`query($id: ID!) { batchRun(id: $id) { state total processed succeeded failed errors { item message } } }`, { id }, admin)).batchRun;
      seen.push(run);
      return run.state === 'QUEUED' || run.state === 'RUNNING' ? undefined : run;
    }, { what: 'the import to finish', intervalMs: 20, timeoutMs: 90_000 });

    const midway = seen.filter((r) => r.state === 'RUNNING' && r.total === total && r.processed > 0 && r.processed < total);
    expect(midway.length).toBeGreaterThan(0);
    const processed = seen.map((r) => r.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    expect(done).toMatchObject({ state: 'COMPLETED_WITH_ERRORS', total, processed: total, succeeded: valid, failed: 2 });
    expect(done.errors.map((e) => e.item)).toEqual(badRows.map((row) => `row ${row}`));
    expect(done.errors[0].message).toContain('统一社会信用代码');
    expect(done.errors[1].message).toContain('成立日期');
    const [{ n }] = await sqlQuery<{ n: number }>(service.databaseUrl, `SELECT count(*)::int AS n FROM membership.organization WHERE association_id = $1 AND name LIKE '进度导入%' AND membership_status = 'ACTIVE'`, [associationId]);
    expect(n).toBe(valid);
    // Every new member leaves as admitted + status-changed + organization snapshot, all published.
    await eventually(async () => {
      const [{ left }] = await sqlQuery<{ left: number }>(service.databaseUrl, `SELECT count(*)::int AS left FROM membership.outbox_event WHERE published_at IS NULL`);
      return left === 0 ? true : undefined;
    }, { what: 'the import events to be published', timeoutMs: 90_000, intervalMs: 200 });
    const [{ events }] = await sqlQuery<{ events: number }>(
      service.databaseUrl,
      `SELECT count(*)::int AS events FROM membership.outbox_event e JOIN membership.organization o ON o.id::text = e.payload->>'organizationId' WHERE o.association_id = $1 AND o.name LIKE '进度导入%'`,
      [associationId],
    );
    expect(events).toBe(3 * valid);
    // Generous bounds: on a loaded machine the import and the relay of its 18,000 events take far longer than alone (about 10 s).
  }, 200_000);
});
