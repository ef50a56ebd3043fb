import { randomUUID } from 'node:crypto';
import { Role } from '@app/auth';
import { errorCodeOf } from '@app/testing';
import { startGovernanceKit, type GovernanceKit } from '../../council/__tests__/governance-kit';

const ROUND_FIELDS = `id status nominations { id nomineeName scoreCount averageScore rank shortlisted } panel { id name } ballots { rollSize votesCast passed explanation }`;
type Round = {
  id: string;
  status: string;
  nominations: Array<{ id: string; nomineeName: string; scoreCount: number; averageScore: number | null; rank: number | null; shortlisted: boolean }>;
  panel: Array<{ id: string; name: string }>;
  ballots: Array<{ rollSize: number; votesCast: number; passed: boolean | null; explanation: string | null }>;
};

describe('annual awards (in process, real PostgreSQL and Redis)', () => {
  let kit: GovernanceKit;
  const units: Record<string, string> = {};
  const councilAccounts = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const officeIds: string[] = [];
  const p3Account = randomUUID();
  let roundId: string;

  beforeAll(async () => {
    kit = await startGovernanceKit();
    for (const name of ['甲', '乙', '丙']) units[name] = await kit.organization(`${name}候选单位`);
    const term = await kit.ok<{ createCouncilTerm: { id: string } }>(`mutation($i: CreateCouncilTermInput!) { createCouncilTerm(input: $i) { id } }`, { i: { associationId: kit.associationId, termNumber: 1, name: '第一届理事会', startsOn: '2024-01-01', endsOn: '2028-12-31' } }, kit.staff);
    const posts = ['PRESIDENT', 'VICE_PRESIDENT', 'DIRECTOR', 'DIRECTOR', 'SECRETARY_GENERAL'];
    for (const [index, post] of posts.entries()) {
      const office = await kit.ok<{ appointOffice: { id: string } }>(
        `mutation($i: AppointOfficeInput!) { appointOffice(input: $i) { id } }`,
        { i: { councilTermId: term.createCouncilTerm.id, post, holder: { name: `理事${index + 1}`, voterAccountId: councilAccounts[index] }, startsOn: '2024-01-01' } },
        kit.staff,
      );
      officeIds.push(office.appointOffice.id);
    }
    // A supervisor holds office but does not vote on council approvals.
    await kit.ok(`mutation($i: AppointOfficeInput!) { appointOffice(input: $i) { id } }`, { i: { councilTermId: term.createCouncilTerm.id, post: 'SUPERVISOR', holder: { name: '监事一', voterAccountId: randomUUID() }, startsOn: '2024-01-01' } }, kit.staff);
  });

  afterAll(async () => {
    await kit?.close();
  });

  const round = async (token = kit.staff) => (await kit.ok<{ awardRound: Round }>(`query($id: ID!) { awardRound(id: $id) { ${ROUND_FIELDS} } }`, { id: roundId }, token)).awardRound;
  const vote = (token: string, position: string, officeId?: string) => kit.gql(`mutation($i: CastAwardApprovalVoteInput!) { castAwardApprovalVote(input: $i) { id } }`, { i: { roundId, position, officeId } }, token);
  const council = (index: number) => kit.tokenFor(Role.COUNCIL_MEMBER, councilAccounts[index]);
  const results = async () =>
    (await kit.ok<{ awardResults: Array<{ stage: string; category: string; winners: Array<{ nomineeName: string; rank: number }> }> }>(`query($a: ID!, $y: Int!) { awardResults(associationId: $a, year: $y) { stage category winners { nomineeName rank } } }`, { a: kit.associationId, y: 2025 })).awardResults;

  it('scores with recusal, averages the non-recused scores and ranks a shortlist', async () => {
    roundId = (await kit.ok<{ createAwardRound: { id: string } }>(`mutation($i: CreateAwardRoundInput!) { createAwardRound(input: $i) { id } }`, { i: { associationId: kit.associationId, year: 2025, category: 'EXCELLENT_MEMBER_UNIT', title: '2025年度优秀会员单位', shortlistSize: 2 } }, kit.staff)).createAwardRound.id;
    for (const name of ['甲', '乙', '丙']) {
      await kit.ok(`mutation($i: NominateForAwardInput!) { nominateForAward(input: $i) { id } }`, { i: { roundId, organizationId: units[name], citation: '积极参与协会工作' } }, kit.staff);
    }
    const personNominee = await kit.gql(`mutation($i: NominateForAwardInput!) { nominateForAward(input: $i) { id } }`, { i: { roundId, name: '个人', citation: '不是单位' } }, kit.staff);
    expect(personNominee.errors?.[0]?.extensions?.reason).toBe('NOMINEE_ORGANIZATION_REQUIRED');
    const addPanel = (input: Record<string, unknown>) => kit.ok(`mutation($i: AddAwardPanelMemberInput!) { addAwardPanelMember(input: $i) { id } }`, { i: { roundId, ...input } }, kit.staff);
    await addPanel({ name: '评委一', organizationId: units['甲'] });
    await addPanel({ name: '评委二', conflictedOrganizationIds: [units['乙']] });
    await addPanel({ name: '评委三', accountId: p3Account });
    await kit.ok(`mutation($r: ID!) { openAwardScoring(roundId: $r) { id } }`, { r: roundId }, kit.staff);

    const state = await round();
    const nomination = (name: string) => state.nominations.find((n) => n.nomineeName === `${name}候选单位`)!.id;
    const member = (name: string) => state.panel.find((m) => m.name === name)!.id;
    const score = (nominee: string, panelMember: string, value: number, token = kit.staff) =>
      kit.gql(`mutation($i: RecordAwardScoreInput!) { recordAwardScore(input: $i) { id } }`, { i: { nominationId: nomination(nominee), panelMemberId: member(panelMember), score: value } }, token);

    const ownUnit = await score('甲', '评委一', 99);
    expect(ownUnit.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PANEL_MEMBER_RECUSED', details: { recusal: 'OWN_ORGANIZATION' } });
    expect((await score('乙', '评委二', 99)).errors?.[0]?.extensions).toMatchObject({ reason: 'PANEL_MEMBER_RECUSED', details: { recusal: 'DECLARED_CONFLICT' } });
    expect(await kit.sql(`SELECT 1 FROM membership.award_score`)).toEqual([]);

    for (const [nominee, panelMember, value] of [['甲', '评委二', 90], ['乙', '评委一', 70], ['丙', '评委一', 60], ['丙', '评委二', 60]] as const) {
      expect((await score(nominee, panelMember, value)).errors).toBeUndefined();
    }
    // 评委三 enters their own scores; someone else's account may not.
    expect(errorCodeOf(await score('甲', '评委三', 80, kit.tokenFor(Role.EXPERT)))).toBe('FORBIDDEN');
    for (const [nominee, value] of [['甲', 80], ['乙', 90], ['丙', 60.5]] as const) {
      expect((await score(nominee, '评委三', value, kit.tokenFor(Role.EXPERT, p3Account))).errors).toBeUndefined();
    }
    expect((await score('甲', '评委三', 70)).errors?.[0]?.extensions?.reason).toBe('ALREADY_SCORED');

    await kit.ok(`mutation($r: ID!) { closeAwardScoring(roundId: $r) { id } }`, { r: roundId }, kit.staff);
    const ranked = await round(council(0));
    expect(ranked.status).toBe('APPROVAL');
    expect(ranked.nominations.map((n) => [n.nomineeName, n.scoreCount, n.averageScore, n.rank, n.shortlisted])).toEqual([
      ['甲候选单位', 2, 85, 1, true],
      ['乙候选单位', 2, 80, 2, true],
      ['丙候选单位', 3, 60.17, 3, false],
    ]);
    expect(await results()).toEqual([]);
  });

  it('puts the shortlist to a council ballot of the seats held that day: a failed ballot, then a passing one', async () => {
    const open = () => kit.ok<{ openAwardApproval: Round }>(`mutation($i: OpenAwardApprovalInput!) { openAwardApproval(input: $i) { ${ROUND_FIELDS} } }`, { i: { roundId, electorateOn: '2025-11-20' } }, kit.staff);
    const close = () => kit.ok<{ closeAwardApproval: Round }>(`mutation($i: CloseAwardApprovalInput!) { closeAwardApproval(input: $i) { ${ROUND_FIELDS} } }`, { i: { roundId, noticeStartsOn: '2025-12-01', noticeEndsOn: '2025-12-07' } }, kit.staff);
    expect((await open()).openAwardApproval.ballots[0].rollSize).toBe(5);

    expect(errorCodeOf(await vote(kit.tokenFor(Role.COUNCIL_MEMBER), 'YES'))).toBe('FORBIDDEN');
    expect(errorCodeOf(await vote(council(1), 'YES', officeIds[0]))).toBe('FORBIDDEN');
    expect(errorCodeOf(await vote(kit.tokenFor(Role.EXPERT), 'YES', officeIds[0]))).toBe('FORBIDDEN');
    for (const [index, position] of [[0, 'YES'], [1, 'NO'], [2, 'NO'], [3, 'YES']] as const) expect((await vote(council(index), position)).errors).toBeUndefined();
    expect((await vote(council(0), 'NO')).errors?.[0]?.extensions?.reason).toBe('ALREADY_VOTED');
    // 2 YES of 4 present: quorum met (4 of 5), but not more than half.
    const failed = (await close()).closeAwardApproval;
    expect(failed.status).toBe('APPROVAL_FAILED');
    expect(failed.ballots[0]).toMatchObject({ votesCast: 4, passed: false });
    expect(failed.ballots[0].explanation).toContain('COUNCIL_ORDINARY: not passed');
    expect(await results()).toEqual([]);

    await open();
    for (const index of [0, 1, 2, 3]) expect((await vote(council(index), 'YES')).errors).toBeUndefined();
    // A paper ballot recorded by the secretariat for the fifth seat.
    expect((await vote(kit.staff, 'NO', officeIds[4])).errors).toBeUndefined();
    const passed = (await close()).closeAwardApproval;
    expect(passed.status).toBe('NOTICE');
    expect(passed.ballots[1]).toMatchObject({ rollSize: 5, votesCast: 5, passed: true });
  });

  it('publishes the approved list under public notice, then as awarded; scores stay internal', async () => {
    expect(await results()).toEqual([{ stage: 'PUBLIC_NOTICE', category: 'EXCELLENT_MEMBER_UNIT', winners: [{ nomineeName: '甲候选单位', rank: 1 }, { nomineeName: '乙候选单位', rank: 2 }] }]);
    const scoresPublicly = await kit.gql(`query($a: ID!) { awardResults(associationId: $a, year: 2025) { winners { averageScore } } }`, { a: kit.associationId });
    expect(errorCodeOf(scoresPublicly)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errorCodeOf(await kit.gql(`query($id: ID!) { awardRound(id: $id) { id } }`, { id: roundId }))).toBe('UNAUTHENTICATED');
    expect(errorCodeOf(await kit.gql(`query($id: ID!) { awardRound(id: $id) { id } }`, { id: roundId }, kit.tokenFor(Role.COUNCIL_MEMBER, undefined, kit.otherAssociationId)))).toBe('FORBIDDEN');
    await kit.ok(`mutation($r: ID!) { finalizeAwardRound(roundId: $r) { id } }`, { r: roundId }, kit.staff);
    expect((await results())[0].stage).toBe('AWARDED');
  });
});
