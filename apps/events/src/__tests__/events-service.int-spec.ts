import { graphql, startServiceInProcess, type InProcessService } from '@app/testing';
import { EventsAppModule } from '../app.module';
import { EventsConfig } from '../config/events.config';

describe('events service (in process, real PostgreSQL and Redis)', () => {
  let service: InProcessService<EventsConfig>;

  beforeAll(async () => {
    service = await startServiceInProcess(EventsConfig, (c) => EventsAppModule.forRoot(c), 'events');
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
    const response = await graphql<Record<string, unknown[]>>(service.url, '{ eventCategories { category label defaultAudience decidesResolutions } }');
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data!)[0].length).toBeGreaterThan(5);
  });
});
