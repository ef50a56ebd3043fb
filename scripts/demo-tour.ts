/**
 * Demo data for enforcement, standards and events, made through the gateway with the demo admin, the
 * way staff would make it: a convention in effect signed by the demo members, a standards programme
 * with one proposal, and a public forum. `npm start` runs it once the gateway is up; each part is
 * skipped when the association already has it, so restarts add nothing.
 */
import { DEMO_ADMIN_EMAIL, DEMO_ASSOCIATION_CODE } from '../apps/membership/src/demo/demo-data';
import { DEMO_PASSWORD } from '../apps/membership/src/identity/password-policy';

const GATEWAY = process.env.GATEWAY_URL ?? 'http://localhost:3000/graphql';

/** A fictitious convention (not a real document) in the shape the importer reads. */
const DEMO_CONVENTION_TEXT = [
  '示例市网络安全行业自律公约',
  '第一章　总　则',
  '第一条　为规范本市网络安全行业经营行为，维护公平竞争秩序，制定本公约。',
  '第二条　本公约由协会秘书处负责组织实施。',
  '第二章　自律条款',
  '第三条　签约单位应当依法经营，诚实守信，不得以不正当手段承揽业务。',
  '第四条　签约单位应当保护用户个人信息，不得非法收集、使用、出售或者提供。',
  '第五条　签约单位发现安全漏洞，应当及时告知相关单位并依法报告，不得擅自公开或者利用。',
  '第三章　公约的执行',
  '第六条　签约单位违反本公约的，协会可视情节给予行业批评、行业谴责、内部通报、媒体曝光或者取消公约成员资格。',
  '第七条　本公约自签约之日起对签约单位生效。',
].join('\n');

let token = '';

async function call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { reason?: string } }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.message}${e.extensions?.reason ? ` (${e.extensions.reason})` : ''}`).join('; '));
  return body.data!;
}

/** Today in China, YYYY-MM-DD. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function convention(associationId: string, memberIds: string[]): Promise<void> {
  const existing = await call<{ conventions: { totalCount: number } }>(`query($a: ID!) { conventions(associationId: $a) { totalCount } }`, { a: associationId });
  if (existing.conventions.totalCount > 0) return;
  const { createConvention } = await call<{ createConvention: { id: string; conventionId: string } }>(
    `mutation($i: CreateConventionInput!) { createConvention(input: $i) { id conventionId } }`,
    { i: { associationId, kind: 'CONVENTION', title: '示例市网络安全行业自律公约', executingBody: '示例市网络安全协会秘书处', text: DEMO_CONVENTION_TEXT } },
  );
  await call(`mutation($i: AdoptConventionVersionInput!) { adoptConventionVersion(input: $i) { status } }`, {
    i: { versionId: createConvention.id, method: 'INITIATOR_SIGNATURES', adoptedOn: today, effectiveOn: today, initiators: [{ name: '示例市网络安全协会', signerCapacity: 'LEGAL_REPRESENTATIVE', signedOn: today }] },
  });
  for (const organizationId of memberIds) {
    await call(`mutation($i: SignConventionInput!) { signConvention(input: $i) { id } }`, {
      i: { conventionVersionId: createConvention.id, organizationId, signerCapacity: 'LEGAL_REPRESENTATIVE', signerName: '法定代表人', signedOn: today },
    });
  }
  console.log(`demo: convention in effect, signed by ${memberIds.length} units`);
}

async function standards(associationId: string, proposerId: string): Promise<void> {
  const { standards: existing } = await call<{ standards: { totalCount: number } }>(`query($a: ID!) { standards(associationId: $a) { totalCount } }`, { a: associationId });
  if (existing.totalCount > 0) return;
  await call(`mutation($i: ConfigureStandardsProgrammeInput!) { configureStandardsProgramme(input: $i) { code } }`, { i: { associationId, code: DEMO_ASSOCIATION_CODE } });
  await call(`mutation($i: ProposeStandardInput!) { proposeStandard(input: $i) { id } }`, {
    i: {
      associationId,
      title: '网络安全服务机构能力评价指南',
      scope: '规定了网络安全服务机构能力评价的原则、指标和方法。',
      necessity: '会员单位对服务能力缺少统一的评价尺度。',
      relatedStandards: '与现行国家标准和行业标准协调一致，不重复。',
      plannedUnits: ['示例网络安全技术有限公司'],
      patentPreDisclosure: '未知悉相关专利。',
      actor: { displayName: '标准化工作委员会', organizationId: proposerId },
    },
  });
  console.log('demo: standards programme configured, one proposal');
}

async function forum(associationId: string): Promise<void> {
  const { upcomingEvents } = await call<{ upcomingEvents: { totalCount: number } }>(`query($a: ID!) { upcomingEvents(associationId: $a, first: 1) { totalCount } }`, { a: associationId });
  if (upcomingEvents.totalCount > 0) return;
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  startsAt.setUTCHours(1, 30, 0, 0);
  const { createEvent } = await call<{ createEvent: { id: string } }>(`mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`, {
    i: { associationId, category: 'FORUM', title: '数据安全与个人信息保护论坛', venue: '示例市会展中心', capacity: 200, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 6 * 3_600_000).toISOString() },
  });
  await call(`mutation($id: ID!) { publishEvent(eventId: $id) { id } }`, { id: createEvent.id });
  console.log('demo: a public forum published');
}

async function main(): Promise<void> {
  token = (await call<{ login: { accessToken: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: DEMO_ADMIN_EMAIL, p: DEMO_PASSWORD })).login.accessToken;
  const { associations } = await call<{ associations: { nodes: Array<{ id: string; shortCode: string }> } }>(`{ associations(first: 100) { nodes { id shortCode } } }`);
  const association = associations.nodes.find((a) => a.shortCode === DEMO_ASSOCIATION_CODE);
  if (!association) throw new Error(`the demo association ${DEMO_ASSOCIATION_CODE} is missing`);
  const { memberDirectory } = await call<{ memberDirectory: { nodes: Array<{ organizationId: string }> } }>(
    `query($c: String!) { memberDirectory(associationCode: $c, first: 20) { nodes { organizationId } } }`,
    { c: DEMO_ASSOCIATION_CODE },
  );
  const memberIds = memberDirectory.nodes.map((n) => n.organizationId);
  // The other services learn of the demo units from membership's events: wait until enforcement has them.
  for (let attempt = 0; ; attempt += 1) {
    const { organizationDirectory } = await call<{ organizationDirectory: { totalCount: number } }>(`query($a: ID!) { organizationDirectory(associationId: $a, first: 1) { totalCount } }`, { a: association.id });
    if (organizationDirectory.totalCount >= memberIds.length) break;
    if (attempt > 100) throw new Error('the demo units did not reach enforcement');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await convention(association.id, memberIds);
  if (memberIds[0]) await standards(association.id, memberIds[0]);
  await forum(association.id);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`demo tour failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
