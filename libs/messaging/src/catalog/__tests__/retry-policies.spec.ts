import { BATCH_JOB_POLICY, COMMAND_JOB_POLICY, eventDeliveryPolicy, relayRetryDelayMs, SCHEDULED_JOB_POLICY } from '../retry-policies';

describe('relayRetryDelayMs', () => {
  it('starts at 1 s and doubles', () => {
    expect([1, 2, 3, 4, 5, 6].map(relayRetryDelayMs)).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000]);
  });

  it('is capped at 60 s', () => {
    expect(relayRetryDelayMs(7)).toBe(60_000);
    expect(relayRetryDelayMs(50)).toBe(60_000);
    expect(relayRetryDelayMs(5000)).toBe(60_000);
  });

  it('treats attempt 0 or below as the first', () => {
    expect(relayRetryDelayMs(0)).toBe(1000);
    expect(relayRetryDelayMs(-3)).toBe(1000);
  });
});

describe('eventDeliveryPolicy', () => {
  it('retries with exponential backoff from the configured base', () => {
    expect(eventDeliveryPolicy(8, 2000)).toMatchObject({ attempts: 8, backoff: { type: 'exponential', delay: 2000 } });
  });

  it('keeps exhausted deliveries as dead letters (removeOnFail false)', () => {
    expect(eventDeliveryPolicy(3, 100).removeOnFail).toBe(false);
  });

  it('prunes completed deliveries by age and count', () => {
    const { removeOnComplete } = eventDeliveryPolicy(3, 100);
    expect(removeOnComplete).toEqual({ age: 24 * 3600, count: 50_000 });
  });
});

describe('job policies', () => {
  it('never drop failed jobs', () => {
    for (const policy of [SCHEDULED_JOB_POLICY, BATCH_JOB_POLICY, COMMAND_JOB_POLICY]) expect(policy.removeOnFail).toBe(false);
  });

  it('run a batch once and retry commands and scheduled work', () => {
    expect(BATCH_JOB_POLICY.attempts).toBe(1);
    expect(BATCH_JOB_POLICY.backoff).toBeUndefined();
    expect(COMMAND_JOB_POLICY.attempts).toBeGreaterThan(1);
    expect(SCHEDULED_JOB_POLICY.attempts).toBeGreaterThan(1);
  });
});
