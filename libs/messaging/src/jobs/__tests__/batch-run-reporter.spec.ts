import { BatchRunReporter, type BatchProgress } from '../batch-run-reporter';

class FakeJob {
  readonly writes: BatchProgress[] = [];
  failNext = 0;

  async updateProgress(progress: object): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error('Connection is closed.');
    }
    this.writes.push(structuredClone(progress) as BatchProgress);
  }

  get last(): BatchProgress | undefined {
    return this.writes.at(-1);
  }
}

describe('BatchRunReporter', () => {
  let clock: number;
  let job: FakeJob;
  let reporter: BatchRunReporter;

  beforeEach(() => {
    clock = 1_700_000_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => clock);
    job = new FakeJob();
    reporter = new BatchRunReporter(job);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('writes the total at once', async () => {
    await reporter.setTotal(3);
    expect(job.writes).toEqual([{ total: 3, processed: 0, succeeded: 0, failed: 0, errors: [], errorsTruncated: false }]);
  });

  it('counts successes and failures with their item and message', async () => {
    await reporter.setTotal(4);
    await reporter.succeeded();
    await reporter.succeeded(2);
    await reporter.failed('org-9', 'credit code rejected');
    expect(await reporter.finish()).toEqual({
      total: 4,
      processed: 4,
      succeeded: 3,
      failed: 1,
      errors: [{ item: 'org-9', message: 'credit code rejected' }],
      errorsTruncated: false,
    });
  });

  it('throttles writes to one per 250 ms', async () => {
    await reporter.setTotal(100);
    clock += 100;
    await reporter.succeeded();
    await reporter.failed('org-1', 'boom');
    expect(job.writes).toHaveLength(1);
    clock += 150;
    await reporter.succeeded();
    expect(job.writes).toHaveLength(2);
    expect(job.last).toMatchObject({ processed: 3, succeeded: 2, failed: 1 });
  });

  it('writes the final counts on finish even inside the throttle window', async () => {
    await reporter.setTotal(3);
    await reporter.succeeded();
    await reporter.succeeded();
    await reporter.failed('org-3', 'boom');
    expect(job.last?.processed).toBe(0);
    const final = await reporter.finish();
    expect(job.last).toEqual(final);
    expect(final).toMatchObject({ total: 3, processed: 3, succeeded: 2, failed: 1 });
  });

  it('writes on finish when nothing was written before', async () => {
    await reporter.finish();
    expect(job.writes).toEqual([{ total: null, processed: 0, succeeded: 0, failed: 0, errors: [], errorsTruncated: false }]);
  });

  it('keeps 500 errors, then only counts and flags the rest', async () => {
    for (let i = 0; i < 503; i++) await reporter.failed(`org-${i}`, `failure ${i}`);
    const final = await reporter.finish();
    expect(final.failed).toBe(503);
    expect(final.processed).toBe(503);
    expect(final.errors).toHaveLength(500);
    expect(final.errors[499]).toEqual({ item: 'org-499', message: 'failure 499' });
    expect(final.errorsTruncated).toBe(true);
    expect(job.last?.errorsTruncated).toBe(true);
  });

  it('does not flag truncation at exactly 500 errors', async () => {
    for (let i = 0; i < 500; i++) await reporter.failed(`org-${i}`, 'boom');
    expect((await reporter.finish()).errorsTruncated).toBe(false);
  });

  it('cuts long error messages to 500 characters', async () => {
    await reporter.failed('org-1', 'x'.repeat(5000));
    expect((await reporter.finish()).errors[0].message).toHaveLength(500);
  });

  it('hands out snapshots the caller cannot change', async () => {
    await reporter.failed('org-1', 'boom');
    const snapshot = reporter.snapshot;
    snapshot.errors.push({ item: 'forged', message: 'forged' });
    snapshot.failed = 99;
    expect(reporter.snapshot.errors).toHaveLength(1);
    expect(reporter.snapshot.failed).toBe(1);
  });

  it('reports a failed write to its caller only, and later writes still land', async () => {
    job.failNext = 1;
    await expect(reporter.setTotal(2)).rejects.toThrow('Connection is closed.');
    clock += 300;
    await reporter.succeeded();
    expect(job.last).toMatchObject({ total: 2, processed: 1 });
    await reporter.succeeded();
    await expect(reporter.finish()).resolves.toMatchObject({ total: 2, processed: 2 });
    expect(job.last).toMatchObject({ total: 2, processed: 2, succeeded: 2 });
  });
});
