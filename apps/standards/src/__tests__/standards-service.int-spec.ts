import { graphql, startServiceInProcess, type InProcessService } from '@app/testing';
import { StandardsAppModule } from '../app.module';
import { StandardsConfig } from '../config/standards.config';

describe('standards service (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<StandardsConfig>;

  beforeAll(async () => {
    service = await startServiceInProcess(StandardsConfig, (c) => StandardsAppModule.forRoot(c), 'standards');
  });

  afterAll(async () => {
    await service?.close();
  });

  it('is ready once its database and Redis answer', async () => {
    const response = await fetch(service.url.replace('/graphql', '/health/ready'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('exposes its federation SDL and answers its public query anonymously', async () => {
    const sdl = await graphql<{ _service: { sdl: string } }>(service.url, '{ _service { sdl } }');
    expect(sdl.data?._service.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2');
    const response = await graphql<Record<string, unknown[]>>(service.url, '{ standardLifecycle { state isoStageCode next } }');
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data!)[0].length).toBeGreaterThan(5);
  });
});

describe('the standard lifecycle data', () => {
  it('never lets a published standard go back to drafting directly, and reaches every state from PROPOSED', async () => {
    const { STANDARD_LIFECYCLE, StandardState } = await import('../lifecycle/standard-lifecycle');
    const byState = new Map(STANDARD_LIFECYCLE.map((s) => [s.state, s]));
    expect(byState.get(StandardState.PUBLISHED)!.next).not.toContain(StandardState.DRAFTING);
    const reached = new Set([StandardState.PROPOSED]);
    const frontier = [StandardState.PROPOSED];
    while (frontier.length) for (const next of byState.get(frontier.pop()!)!.next) if (!reached.has(next)) reached.add(next) && frontier.push(next);
    expect([...reached].sort()).toEqual(Object.values(StandardState).sort());
  });
});
