import { SERVICE_NAMES } from '@app/config';
import { isJobName, JOB_CATALOG, JOB_NAMES, jobsRunBy } from '../job-catalog';

const SCHEDULED = JOB_NAMES.filter((name) => JOB_CATALOG[name].kind === 'SCHEDULED');
const BATCH = JOB_NAMES.filter((name) => JOB_CATALOG[name].kind === 'BATCH');

describe('JOB_CATALOG', () => {
  it('has scheduled and batch jobs to check', () => {
    expect(SCHEDULED.length).toBeGreaterThan(0);
    expect(BATCH.length).toBeGreaterThan(0);
  });

  it.each(SCHEDULED)('%s (SCHEDULED) has a cron pattern or an interval, and a payload', (name) => {
    const { schedule } = JOB_CATALOG[name];
    expect(schedule).toBeDefined();
    const hasPattern = typeof schedule?.pattern === 'string' && schedule.pattern.trim().split(/\s+/).length === 5;
    const hasInterval = typeof schedule?.every === 'number' && schedule.every > 0;
    expect(hasPattern || hasInterval).toBe(true);
    expect(schedule?.payload).toBeDefined();
  });

  it.each(JOB_NAMES.filter((name) => JOB_CATALOG[name].kind !== 'SCHEDULED'))('%s (not scheduled) has no schedule', (name) => {
    expect(JOB_CATALOG[name].schedule).toBeUndefined();
  });

  it.each(BATCH)('%s (BATCH) runs once: attempts 1', (name) => {
    expect(JOB_CATALOG[name].policy.attempts).toBe(1);
  });

  it.each(JOB_NAMES)('%s keeps failed runs as dead letters and runs in known services', (name) => {
    const { policy, services } = JOB_CATALOG[name];
    expect(policy.removeOnFail).toBe(false);
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) expect(SERVICE_NAMES).toContain(service);
  });

  it('runs retention pruning in every service, nightly', () => {
    for (const service of SERVICE_NAMES) expect(jobsRunBy(service)).toContain('messaging.retention.prune');
    expect(JOB_CATALOG['messaging.retention.prune'].schedule?.payload).toEqual({ outboxRetentionDays: 30, inboxRetentionDays: 30 });
  });

  it('runs the organization republish in membership only', () => {
    expect(jobsRunBy('membership')).toContain('membership.organizations.republish');
    expect(jobsRunBy('enforcement')).not.toContain('membership.organizations.republish');
  });

  it('knows catalogued job names only', () => {
    expect(isJobName('messaging.retention.prune')).toBe(true);
    expect(isJobName('messaging.retention.purge')).toBe(false);
    expect(isJobName('hasOwnProperty')).toBe(false);
  });
});
