import { Stack, aShortCode, anEmail, dataOf, graphql, insertPlatformAdmin } from '@app/testing';

/** Events through the gateway: GraphQL to create and register, the regulators' REST projection to read. */
describe('events through the gateway', () => {
  let stack: Stack;
  let url: string;
  let token: string;
  let shortCode: string;
  let associationId: string;
  let apiKey: string;

  const day = (offset: number, hour = 2) => {
    const d = new Date(Date.now() + offset * 86_400_000);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };

  beforeAll(async () => {
    stack = await Stack.start();
    url = `${stack.gatewayUrl}/graphql`;
    const email = anEmail('events-operator');
    await insertPlatformAdmin(stack.databaseUrl, email, 'events e2e password');
    token = dataOf(await graphql<{ login: { accessToken: string } }>(url, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: 'events e2e password' })).login.accessToken;
    shortCode = aShortCode();
    associationId = dataOf(await graphql<{ createAssociation: { id: string } }>(url, `mutation($i: CreateAssociationInput!) { createAssociation(input: $i) { id } }`, { i: { name: '活动测试协会', shortCode } }, { token })).createAssociation.id;
    apiKey = dataOf(await graphql<{ issueApiClientKey: { key: string } }>(url, `mutation($i: IssueApiClientKeyInput!) { issueApiClientKey(input: $i) { key } }`, { i: { name: '市民政局', associationIds: [associationId] } }, { token })).issueApiClientKey.key;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function createPublished(title: string, audience: string, category = 'FORUM'): Promise<string> {
    const { createEvent } = dataOf(await graphql<{ createEvent: { id: string } }>(url, `mutation($i: CreateEventInput!) { createEvent(input: $i) { id } }`, {
      i: { associationId, category, title, audience, startsAt: day(3), endsAt: day(3, 8), capacity: 10, organizers: [{ name: '本协会', role: 'HOST' }, { name: '某科技公司', role: 'ORGANIZER' }] },
    }, { token }));
    dataOf(await graphql(url, `mutation($id: ID!) { publishEvent(eventId: $id) { id } }`, { id: createEvent.id }, { token }));
    return createEvent.id;
  }

  it('regulators read public and member events with organizers and attendance counts; bad parameters are 400 problem+json', async () => {
    const forum = await createPublished('网络安全论坛', 'PUBLIC');
    const training = await createPublished('会员合规培训', 'MEMBERS_ONLY', 'TRAINING');
    await createPublished('理事会会议', 'COUNCIL_ONLY', 'COUNCIL_MEETING');
    const ticket = dataOf(await graphql<{ registerForEvent: { registration: { status: string } } }>(url, `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { status } } }`, { i: { eventId: forum, attendeeName: '公众甲', attendeePhone: '13900001111' } }));
    expect(ticket.registerForEvent.registration.status).toBe('CONFIRMED');

    const from = day(0).slice(0, 10);
    const to = day(30).slice(0, 10);
    const response = await fetch(`${stack.gatewayUrl}/api/v1/associations/${shortCode.toLowerCase()}/events?from=${from}&to=${to}`, { headers: { 'x-api-key': apiKey } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: Array<{ id: string; audience: string; organizers: Array<{ role: string }>; confirmedCount: number }> };
    expect(body.data.map((e) => e.id).sort()).toEqual([forum, training].sort());
    expect(body.data.find((e) => e.id === forum)).toMatchObject({ audience: 'PUBLIC', confirmedCount: 1, organizers: [{ role: 'HOST' }, { role: 'ORGANIZER' }] });

    for (const query of ['from=2026-01-01', `from=not-a-date&to=${to}`, `from=${to}&to=${from}`, 'from=2026-02-30&to=2026-03-01']) {
      const bad = await fetch(`${stack.gatewayUrl}/api/v1/associations/${shortCode}/events?${query}`, { headers: { 'x-api-key': apiKey } });
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect((await fetch(`${stack.gatewayUrl}/api/v1/associations/NOPE${shortCode}/events?from=${from}&to=${to}`, { headers: { 'x-api-key': apiKey } })).status).toBe(404);
    expect((await fetch(`${stack.gatewayUrl}/api/v1/associations/${shortCode}/events?from=${from}&to=${to}`)).status).toBe(401);
  });
});
