import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import { dataOf, errorCodeOf, sqlQuery, startServiceInProcess, type GraphQLResponse, type InProcessService } from '@app/testing';
import { EnforcementAppModule } from '../app.module';
import { EnforcementConfig } from '../config/enforcement.config';
import { EnforcementTestKit, sampleConventionText } from './enforcement-test-kit';

const reasonOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.reason;

const PROPOSE = `mutation($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id status supportersRequired proposerKind } }`;
const COSIGN = `mutation($input: CosignAmendmentInput!) { cosignAmendment(input: $input) { id status supportersRequired supporters { organizationId } } }`;
const OPEN = `mutation($id: ID!) { openAmendmentBallot(amendmentId: $id) { id status rollSize roll } }`;
const VOTE = `mutation($input: CastAmendmentVoteInput!) { castAmendmentVote(input: $input) { organizationId position } }`;
const CLOSE = `mutation($input: CloseAmendmentBallotInput!) { closeAmendmentBallot(input: $input) { id status newVersionId tally { roll yes no abstain noRecord required passed } } }`;

type Amendment = { id: string; status: string; supportersRequired: number | null; rollSize?: number; newVersionId?: string | null; tally?: Record<string, unknown> };

describe('convention amendments (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<EnforcementConfig>;
  let kit: EnforcementTestKit;
  const associationId = randomUUID();
  let staff: string;

  beforeAll(async () => {
    service = await startServiceInProcess(EnforcementConfig, (c) => EnforcementAppModule.forRoot(c), 'enforcement');
    kit = new EnforcementTestKit(service);
    staff = kit.token(associationId, Role.SECRETARIAT);
  });

  afterAll(async () => {
    await service?.close();
  });

  /** A convention in effect with `count` signatory units. */
  async function conventionWithSignatories(count: number, options: { text?: string } = {}) {
    const { conventionId, versionId } = await kit.effectiveConvention(associationId, staff, options);
    const units = await kit.addOrganizations(associationId, count, `单位${count}-`);
    await kit.signDirectly(associationId, conventionId, versionId, units);
    return { conventionId, versionId, units };
  }

  const rep = (organizationId: string) => kit.token(associationId, Role.MEMBER_REP, organizationId);
  const amendedText = () => sampleConventionText(10);

  async function propose(conventionId: string, proposerOrganizationId: string | null, token: string) {
    return kit.gql<{ proposeAmendment: Amendment }>(PROPOSE, { input: { conventionId, title: '修改第三条', text: amendedText(), rationale: '适应新规定', proposerOrganizationId } }, token);
  }

  describe('who proposes', () => {
    it('with 10 signatory units one unit is 1/10: its own proposal stands at once', async () => {
      const { conventionId, units } = await conventionWithSignatories(10);
      const proposed = dataOf(await propose(conventionId, units[0], rep(units[0]))).proposeAmendment;
      expect(proposed).toMatchObject({ status: 'PROPOSED', supportersRequired: 1, proposerKind: 'SIGNATORIES' });
    });

    it('with 11 signatory units two are needed; only signatories, each once, through their own representative', async () => {
      const { conventionId, units } = await conventionWithSignatories(11);
      const proposed = dataOf(await propose(conventionId, units[0], rep(units[0]))).proposeAmendment;
      expect(proposed).toMatchObject({ status: 'COLLECTING_SUPPORT', supportersRequired: 2 });
      const outsider = await kit.addOrganization(associationId, '非签约单位');
      expect(reasonOf(await kit.gql(COSIGN, { input: { amendmentId: proposed.id, organizationId: outsider } }, rep(outsider)))).toBe('NOT_SIGNATORY');
      expect(reasonOf(await kit.gql(COSIGN, { input: { amendmentId: proposed.id, organizationId: units[1] } }, rep(units[2])))).toBe('NOT_REPRESENTATIVE');
      expect(reasonOf(await kit.gql(COSIGN, { input: { amendmentId: proposed.id, organizationId: units[0] } }, rep(units[0])))).toBe('ALREADY_COSIGNED');
      expect(reasonOf(await kit.gql(OPEN, { id: proposed.id }, staff))).toBe('AMENDMENT_STATUS');
      const supported = dataOf(await kit.gql<{ cosignAmendment: Amendment & { supporters: unknown[] } }>(COSIGN, { input: { amendmentId: proposed.id, organizationId: units[1] } }, rep(units[1]))).cosignAmendment;
      expect(supported).toMatchObject({ status: 'PROPOSED', supportersRequired: 2 });
      expect(supported.supporters).toHaveLength(2);
      expect(reasonOf(await kit.gql(COSIGN, { input: { amendmentId: proposed.id, organizationId: units[2] } }, rep(units[2])))).toBe('AMENDMENT_STATUS');
    });

    it('the executing body proposes directly; a representative cannot propose in its name; a convention not in effect cannot be amended', async () => {
      const { conventionId, units } = await conventionWithSignatories(1);
      expect(dataOf(await propose(conventionId, null, staff)).proposeAmendment).toMatchObject({ status: 'PROPOSED', proposerKind: 'EXECUTING_BODY', supportersRequired: null });
      expect(errorCodeOf(await propose(conventionId, null, rep(units[0])))).toBe('FORBIDDEN');
      const draft = dataOf(await kit.gql<{ createConvention: { conventionId: string } }>(`mutation($input: CreateConventionInput!) { createConvention(input: $input) { conventionId } }`, { input: { associationId, kind: 'CONVENTION', title: '未生效公约', executingBody: '协会', text: sampleConventionText() } }, staff));
      expect(reasonOf(await propose(draft.createConvention.conventionId, null, staff))).toBe('CONVENTION_NOT_IN_EFFECT');
    });
  });

  describe('the ballot', () => {
    it('freezes the roll when it opens: a unit signing afterwards cannot vote; one vote per unit', async () => {
      const { conventionId, versionId, units } = await conventionWithSignatories(3);
      const amendment = dataOf(await propose(conventionId, null, staff)).proposeAmendment;
      const opened = dataOf(await kit.gql<{ openAmendmentBallot: Amendment & { roll: string[] } }>(OPEN, { id: amendment.id }, staff)).openAmendmentBallot;
      expect(opened).toMatchObject({ status: 'BALLOT_OPEN', rollSize: 3 });
      expect([...opened.roll].sort()).toEqual([...units].sort());

      const late = await kit.addOrganization(associationId, '晚签单位');
      await kit.sign(versionId, late, staff);
      expect(reasonOf(await kit.gql(VOTE, { input: { amendmentId: amendment.id, organizationId: late, position: 'YES' } }, rep(late)))).toBe('NOT_ON_ROLL');
      dataOf(await kit.gql(VOTE, { input: { amendmentId: amendment.id, organizationId: units[0], position: 'YES' } }, rep(units[0])));
      expect(reasonOf(await kit.gql(VOTE, { input: { amendmentId: amendment.id, organizationId: units[0], position: 'NO' } }, rep(units[0])))).toBe('ALREADY_VOTED');
      expect(reasonOf(await kit.gql(VOTE, { input: { amendmentId: amendment.id, organizationId: units[1], position: 'YES' } }, rep(units[0])))).toBe('NOT_REPRESENTATIVE');
      expect(errorCodeOf(await kit.gql(VOTE, { input: { amendmentId: amendment.id, organizationId: units[1], position: 'YES' } }, staff))).toBe('FORBIDDEN');
      expect(await sqlQuery(service.databaseUrl, `SELECT organization_id, position FROM enforcement.amendment_vote WHERE amendment_id = $1`, [amendment.id])).toEqual([{ organization_id: units[0], position: 'YES' }]);
    });

    it('is adopted with exactly 2/3 of the roll voting yes: the amended text becomes the version in effect and signatories are notified', async () => {
      const { conventionId, versionId, units } = await conventionWithSignatories(6);
      const amendment = dataOf(await propose(conventionId, null, staff)).proposeAmendment;
      dataOf(await kit.gql(OPEN, { id: amendment.id }, staff));
      for (const unit of units.slice(0, 4)) dataOf(await kit.gql(VOTE, { input: { amendmentId: amendment.id, organizationId: unit, position: 'YES' } }, rep(unit)));
      const closed = dataOf(await kit.gql<{ closeAmendmentBallot: Amendment }>(CLOSE, { input: { amendmentId: amendment.id } }, staff)).closeAmendmentBallot;
      expect(closed).toMatchObject({ status: 'ADOPTED', tally: { roll: 6, yes: 4, no: 0, abstain: 0, noRecord: 2, required: 4, passed: true } });

      const versions = dataOf(await kit.gql<{ convention: { currentVersion: { id: string; versionNumber: number; adoptionMethod: string; amendmentId: string; articles: unknown[] }; versions: Array<{ id: string; status: string }> } }>(
        `query($id: ID!) { convention(id: $id) { currentVersion { id versionNumber adoptionMethod amendmentId articles { number } } versions { id status } } }`,
        { id: conventionId },
        staff,
      )).convention;
      expect(versions.currentVersion).toMatchObject({ id: closed.newVersionId, versionNumber: 2, adoptionMethod: 'AMENDMENT_BALLOT', amendmentId: amendment.id });
      expect(versions.currentVersion.articles).toHaveLength(10);
      expect(versions.versions.find((v) => v.id === versionId)?.status).toBe('SUPERSEDED');

      const events = await kit.outboxOf('enforcement.convention.amended', 'amendmentId', amendment.id);
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({ conventionId, previousVersionId: versionId, newVersionId: closed.newVersionId, effectiveOn: kit.today });
      expect([...(events[0].payload.notifiedOrganizationIds as string[])].sort()).toEqual([...units].sort());

      // Each unit finds the notice among its own, and only its own; acknowledging it is idempotent.
      const NOTICES = `query($a: ID!, $o: ID!, $open: Boolean) { signatoryNotices(associationId: $a, organizationId: $o, unacknowledgedOnly: $open) { totalCount nodes { id kind referenceId conventionVersionId acknowledgedAt } } }`;
      const ACK = `mutation($id: ID!) { acknowledgeSignatoryNotice(id: $id) { id acknowledgedAt } }`;
      type Notices = { signatoryNotices: { totalCount: number; nodes: Array<{ id: string; kind: string; referenceId: string; conventionVersionId: string; acknowledgedAt: string | null }> } };
      for (const unit of units) {
        const own = dataOf(await kit.gql<Notices>(NOTICES, { a: associationId, o: unit, open: true }, rep(unit))).signatoryNotices;
        expect(own.nodes).toEqual([{ id: expect.any(String), kind: 'CONVENTION_AMENDED', referenceId: amendment.id, conventionVersionId: closed.newVersionId, acknowledgedAt: null }]);
      }
      const [first, second] = units;
      expect(errorCodeOf(await kit.gql(NOTICES, { a: associationId, o: first, open: null }, rep(second)))).toBe('FORBIDDEN');
      const notice = dataOf(await kit.gql<Notices>(NOTICES, { a: associationId, o: first, open: null }, rep(first))).signatoryNotices.nodes[0];
      expect(errorCodeOf(await kit.gql(ACK, { id: notice.id }, rep(second)))).toBe('NOT_FOUND');
      const acknowledged = dataOf(await kit.gql<{ acknowledgeSignatoryNotice: { acknowledgedAt: string } }>(ACK, { id: notice.id }, rep(first))).acknowledgeSignatoryNotice;
      expect(acknowledged.acknowledgedAt).toEqual(expect.any(String));
      expect(dataOf(await kit.gql<{ acknowledgeSignatoryNotice: { acknowledgedAt: string } }>(ACK, { id: notice.id }, rep(first))).acknowledgeSignatoryNotice.acknowledgedAt).toBe(acknowledged.acknowledgedAt);
      expect(dataOf(await kit.gql<Notices>(NOTICES, { a: associationId, o: first, open: true }, rep(first))).signatoryNotices.totalCount).toBe(0);
      expect(dataOf(await kit.gql<Notices>(NOTICES, { a: associationId, o: first, open: null }, staff)).signatoryNotices.totalCount).toBe(1);
    });

    it('fails with 2/3 of the votes cast but less than 2/3 of the roll; the text in effect stays', async () => {
      const { conventionId, versionId, units } = await conventionWithSignatories(6);
      const amendment = dataOf(await propose(conventionId, null, staff)).proposeAmendment;
      dataOf(await kit.gql(OPEN, { id: amendment.id }, staff));
      for (const unit of units.slice(0, 3)) dataOf(await kit.gql(VOTE, { input: { amendmentId: amendment.id, organizationId: unit, position: 'YES' } }, rep(units[units.indexOf(unit)])));
      dataOf(await kit.gql(VOTE, { input: { amendmentId: amendment.id, organizationId: units[3], position: 'NO' } }, rep(units[3])));
      const closed = dataOf(await kit.gql<{ closeAmendmentBallot: Amendment }>(CLOSE, { input: { amendmentId: amendment.id } }, staff)).closeAmendmentBallot;
      expect(closed).toMatchObject({ status: 'REJECTED', newVersionId: null, tally: { roll: 6, yes: 3, no: 1, required: 4, passed: false } });
      const current = dataOf(await kit.gql<{ convention: { currentVersion: { id: string } } }>(`query($id: ID!) { convention(id: $id) { currentVersion { id } } }`, { id: conventionId }));
      expect(current.convention.currentVersion.id).toBe(versionId);
      expect(await kit.outboxOf('enforcement.convention.amended', 'amendmentId', amendment.id)).toEqual([]);
    });

    it("needs the competent authority's approval to close an adopted ballot when the convention requires it", async () => {
      const created = dataOf(await kit.gql<{ createConvention: { id: string; conventionId: string } }>(
        `mutation($input: CreateConventionInput!) { createConvention(input: $input) { id conventionId } }`,
        { input: { associationId, kind: 'CONVENTION', title: '须批准的修改', executingBody: '协会', requiresAuthorityApproval: true, competentAuthority: '区民政局', text: sampleConventionText() } },
        staff,
      )).createConvention;
      const approval = { authority: '区民政局', reference: '民批〔2024〕9号', approvedOn: kit.today };
      dataOf(await kit.gql(`mutation($input: AdoptConventionVersionInput!) { adoptConventionVersion(input: $input) { status } }`, { input: { versionId: created.id, method: 'MEMBER_CONGRESS_VOTE', reference: '决议', adoptedOn: kit.today, effectiveOn: kit.today, authorityApproval: approval } }, staff));
      const unit = await kit.addOrganization(associationId, '唯一签约单位');
      await kit.sign(created.id, unit, staff);
      const amendment = dataOf(await propose(created.conventionId, null, staff)).proposeAmendment;
      dataOf(await kit.gql(OPEN, { id: amendment.id }, staff));
      dataOf(await kit.gql(VOTE, { input: { amendmentId: amendment.id, organizationId: unit, position: 'YES' } }, rep(unit)));
      expect(reasonOf(await kit.gql(CLOSE, { input: { amendmentId: amendment.id } }, staff))).toBe('AUTHORITY_APPROVAL_REQUIRED');
      expect(await sqlQuery(service.databaseUrl, `SELECT status FROM enforcement.convention_amendment WHERE id = $1`, [amendment.id])).toEqual([{ status: 'BALLOT_OPEN' }]);
      expect(dataOf(await kit.gql<{ closeAmendmentBallot: Amendment }>(CLOSE, { input: { amendmentId: amendment.id, authorityApproval: approval } }, staff)).closeAmendmentBallot.status).toBe('ADOPTED');
    });
  });
});
