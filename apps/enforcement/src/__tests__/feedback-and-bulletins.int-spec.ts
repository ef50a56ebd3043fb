import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import { dataOf, errorCodeOf, sqlQuery, startServiceInProcess, type GraphQLResponse, type InProcessService } from '@app/testing';
import { EnforcementAppModule } from '../app.module';
import { EnforcementConfig } from '../config/enforcement.config';
import { PublicationDeadlinesProcessor } from '../conventions/jobs/publication-deadlines.processor';
import { BulletinsService, previousMonth } from '../signatories/bulletins.service';
import { EnforcementTestKit, sampleConventionText } from './enforcement-test-kit';

const reasonOf = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.reason;

const SUBMIT = `mutation($input: SubmitConventionFeedbackInput!) { submitConventionFeedback(input: $input) { id opinions submittedOn } }`;

describe('draft feedback, bulletins and scheduled jobs (in process, real PostgreSQL and Redis)', () => {
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

  async function draft(title: string): Promise<string> {
    const created = dataOf(await kit.gql<{ createConvention: { id: string } }>(`mutation($input: CreateConventionInput!) { createConvention(input: $input) { id } }`, { input: { associationId, kind: 'CODE_OF_ETHICS', title, executingBody: '示范行业协会', text: sampleConventionText() } }, staff));
    return created.createConvention.id;
  }

  describe('feedback on drafts (意见反馈表)', () => {
    it('takes forms from units (sealed) and individuals (signed), tied to articles; summarises per article; masks contacts in lists', async () => {
      const ethics = await draft('反馈测试准则');
      const convention = await draft('反馈测试公约');
      const unitForm = {
        associationId,
        respondentKind: 'UNIT',
        respondentName: '示范网络科技有限公司',
        contactName: '赵六',
        contactPosition: '法务经理',
        contactPhone: '13812345678',
        versionIds: [ethics, convention],
        opinions: [
          { versionId: ethics, articleNumber: 3, opinion: '第三条表述过宽。', proposedWording: '签约单位应当依法经营。' },
          { versionId: convention, articleNumber: 1, opinion: '建议增加目的。' },
        ],
        otherSuggestions: '建议定期开展培训。',
        signed: false,
        sealed: true,
      };
      // Public submission: no token.
      expect(dataOf(await kit.gql<{ submitConventionFeedback: { opinions: number; submittedOn: string } }>(SUBMIT, { input: unitForm })).submitConventionFeedback).toMatchObject({ opinions: 2, submittedOn: kit.today });
      const person = { associationId, respondentKind: 'INDIVIDUAL', respondentName: '钱七', contactName: '钱七', contactEmail: 'qian.qi@example.org', versionIds: [ethics], opinions: [{ versionId: ethics, articleNumber: 3, opinion: '同意修改。' }], signed: true, sealed: false };
      dataOf(await kit.gql(SUBMIT, { input: person }));

      expect(reasonOf(await kit.gql(SUBMIT, { input: { ...unitForm, sealed: false } }))).toBe('SEAL_REQUIRED');
      expect(reasonOf(await kit.gql(SUBMIT, { input: { ...person, signed: false } }))).toBe('SIGNATURE_REQUIRED');
      expect(reasonOf(await kit.gql(SUBMIT, { input: { ...person, opinions: [{ versionId: ethics, articleNumber: 99, opinion: '无此条' }] } }))).toBe('ARTICLE_NOT_FOUND');
      expect(reasonOf(await kit.gql(SUBMIT, { input: { ...person, opinions: [{ versionId: convention, articleNumber: 1, opinion: 'x' }] } }))).toBe('OPINION_OUTSIDE_DRAFTS');
      expect(reasonOf(await kit.gql(SUBMIT, { input: { ...person, contactEmail: null } }))).toBe('CONTACT_REQUIRED');
      expect(errorCodeOf(await kit.gql(SUBMIT, { input: { ...unitForm, organizationId: randomUUID() } }))).toBe('FORBIDDEN');
      expect(errorCodeOf(await kit.gql(SUBMIT, { input: { ...person, contactEmail: 'not-an-email' } }))).toBe('BAD_USER_INPUT');
      expect(await sqlQuery(service.databaseUrl, `SELECT count(*)::int AS n FROM enforcement.convention_feedback`)).toEqual([{ n: 2 }]);

      const summary = dataOf(await kit.gql<{ conventionFeedbackSummary: { responses: number; articles: Array<{ label: string; opinionCount: number; opinions: Array<{ respondentName: string; proposedWording: string | null }> }>; otherSuggestions: Array<{ text: string }> } }>(
        `query($v: ID!) { conventionFeedbackSummary(versionId: $v) { responses articles { label opinionCount opinions { respondentName proposedWording } } otherSuggestions { text } } }`,
        { v: ethics },
        staff,
      )).conventionFeedbackSummary;
      expect(summary.responses).toBe(2);
      expect(summary.articles).toEqual([{ label: '第三条', opinionCount: 2, opinions: [expect.objectContaining({ proposedWording: expect.any(String) }), expect.objectContaining({ proposedWording: null })] }]);
      expect(summary.otherSuggestions).toEqual([{ text: '建议定期开展培训。' }]);
      expect(errorCodeOf(await kit.gql(`query($v: ID!) { conventionFeedbackSummary(versionId: $v) { responses } }`, { v: ethics }, kit.token(associationId, Role.MEMBER_REP, randomUUID())))).toBe('FORBIDDEN');

      const list = dataOf(await kit.gql<{ conventionFeedback: { nodes: Array<{ id: string; contactName: string; contactPhone: string | null; contactEmail: string | null; respondentName: string }> } }>(
        `query($a: ID!, $v: ID) { conventionFeedback(associationId: $a, versionId: $v) { nodes { id contactName contactPhone contactEmail respondentName } } }`,
        { a: associationId, v: ethics },
        staff,
      )).conventionFeedback.nodes;
      expect(list.map(({ contactName, contactPhone, contactEmail, respondentName }) => ({ contactName, contactPhone, contactEmail, respondentName }))).toEqual([
        { contactName: '赵*', contactPhone: '138****5678', contactEmail: null, respondentName: '示范网络科技有限公司' },
        { contactName: '钱*', contactPhone: null, contactEmail: 'q***@example.org', respondentName: '钱*' },
      ]);
      const full = dataOf(await kit.gql<{ conventionFeedbackEntry: { contactPhone: string } }>(`query($id: ID!) { conventionFeedbackEntry(id: $id) { contactPhone } }`, { id: list[0].id }, staff));
      expect(full.conventionFeedbackEntry.contactPhone).toBe('13812345678');
      expect(await sqlQuery(service.databaseUrl, `SELECT subject_type FROM enforcement.personal_data_read WHERE subject_id = $1`, [list[0].id])).toEqual([{ subject_type: 'CONVENTION_FEEDBACK' }]);
    });

    it('refuses feedback on a version that is no longer a draft', async () => {
      const { versionId } = await kit.effectiveConvention(associationId, staff);
      const input = { associationId, respondentKind: 'INDIVIDUAL', respondentName: '孙八', contactName: '孙八', contactPhone: '010-1234567', versionIds: [versionId], opinions: [], otherSuggestions: '无', signed: true, sealed: false };
      expect(reasonOf(await kit.gql(SUBMIT, { input }))).toBe('NOT_OPEN_FOR_FEEDBACK');
    });
  });

  describe('scheduled jobs', () => {
    it('the monthly bulletin publishes the previous month once per association; the list is public', async () => {
      const bulletinAssociation = randomUUID();
      const bulletinStaff = kit.token(bulletinAssociation, Role.ADMIN);
      const today = '2026-03-05';
      const { from, to } = previousMonth(today);
      expect({ from, to }).toEqual({ from: '2026-02-01', to: '2026-02-28' });
      const { conventionId, versionId } = await kit.effectiveConvention(bulletinAssociation, bulletinStaff, { effectiveOn: '2026-01-10' });
      const [january, february] = await kit.addOrganizations(bulletinAssociation, 2, '月报单位');
      await kit.signDirectly(bulletinAssociation, conventionId, versionId, [january], '2026-01-15');
      await kit.signDirectly(bulletinAssociation, conventionId, versionId, [february], '2026-02-10');
      await sqlQuery(service.databaseUrl, `UPDATE enforcement.convention_signature SET end_reason = 'WITHDRAWAL', notice_on = '2026-02-01', ended_on = '2026-02-20', end_recorded_at = now() WHERE organization_id = $1`, [january]);

      const bulletins = service.app.get(BulletinsService);
      const first = await bulletins.publishPreviousMonth(today);
      expect(first.find((b) => b.associationId === bulletinAssociation)).toMatchObject({ joined: 1, left: 1, created: true });
      const again = await bulletins.publishPreviousMonth(today);
      expect(again.find((b) => b.associationId === bulletinAssociation)).toMatchObject({ created: false });

      const published = dataOf(await kit.gql<{ signatoryBulletins: { nodes: Array<{ from: string; to: string; joined: Array<{ organizationName: string }>; left: Array<{ organizationName: string; reason: string; date: string }> }> } }>(
        `query($a: ID!) { signatoryBulletins(associationId: $a) { nodes { from to joined { organizationName } left { organizationName reason date } } } }`,
        { a: bulletinAssociation },
      )).signatoryBulletins.nodes;
      expect(published).toEqual([{ from, to, joined: [{ organizationName: '月报单位2' }], left: [{ organizationName: '月报单位1', reason: null, date: '2026-02-20' }] }]);
      const forReaders = dataOf(await kit.gql<{ signatoryBulletins: { nodes: Array<{ left: Array<{ reason: string }> }> } }>(`query($a: ID!) { signatoryBulletins(associationId: $a) { nodes { left { reason } } } }`, { a: bulletinAssociation }, kit.token(bulletinAssociation, Role.REGULATOR)));
      expect(forReaders.signatoryBulletins.nodes[0].left).toEqual([{ reason: 'WITHDRAWAL' }]);

      const manual = `mutation($a: ID!, $from: String!, $to: String!) { publishSignatoryBulletin(associationId: $a, from: $from, to: $to) { id joined { organizationName } } }`;
      expect(dataOf(await kit.gql<{ publishSignatoryBulletin: { joined: unknown[] } }>(manual, { a: bulletinAssociation, from: '2026-01-01', to: '2026-01-31' }, bulletinStaff)).publishSignatoryBulletin.joined).toEqual([{ organizationName: '月报单位1' }]);
      expect(errorCodeOf(await kit.gql(manual, { a: bulletinAssociation, from: '2026-01-01', to: '2026-01-31' }, kit.token(bulletinAssociation, Role.REGULATOR)))).toBe('FORBIDDEN');
    });

    it('the daily deadline job brings due versions into effect and reports unpublished texts near or past their deadline', async () => {
      const deadlineAssociation = randomUUID();
      const deadlineStaff = kit.token(deadlineAssociation, Role.SECRETARIAT);
      const { versionId } = await kit.effectiveConvention(deadlineAssociation, deadlineStaff, { effectiveOn: kit.daysFromToday(-40) });
      const report = await service.app.get(PublicationDeadlinesProcessor).check(kit.today, 7);
      expect(report.warnings.filter((w) => w.associationId === deadlineAssociation)).toEqual([
        expect.objectContaining({ versionId, level: 'OVERDUE', daysLeft: -10, publicationDeadline: kit.daysFromToday(-10) }),
      ]);
    });
  });
});
