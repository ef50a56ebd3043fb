import type { Job } from 'bullmq';

export interface BatchItemError {
  item: string;
  message: string;
}

/** What a batch run stores as BullMQ job progress; `batchRun(id)` reads it while the run goes on. */
export interface BatchProgress {
  total: number | null;
  processed: number;
  succeeded: number;
  failed: number;
  errors: BatchItemError[];
  /** Errors beyond this many are counted, not kept. */
  errorsTruncated: boolean;
}

const MAX_KEPT_ERRORS = 500;
const REPORT_EVERY_MS = 250;

/** Collects a batch run's counts and per-item errors and writes them to the job at a bounded rate. */
export class BatchRunReporter {
  private readonly progress: BatchProgress = { total: null, processed: 0, succeeded: 0, failed: 0, errors: [], errorsTruncated: false };
  private lastWrite = 0;
  private pending?: Promise<void>;

  constructor(private readonly job: Pick<Job, 'updateProgress'>) {}

  get snapshot(): BatchProgress {
    return { ...this.progress, errors: [...this.progress.errors] };
  }

  async setTotal(total: number): Promise<void> {
    this.progress.total = total;
    await this.write(true);
  }

  async succeeded(count = 1): Promise<void> {
    this.progress.processed += count;
    this.progress.succeeded += count;
    await this.write(false);
  }

  async failed(item: string, message: string): Promise<void> {
    this.progress.processed += 1;
    this.progress.failed += 1;
    if (this.progress.errors.length < MAX_KEPT_ERRORS) this.progress.errors.push({ item, message: message.slice(0, 500) });
    else this.progress.errorsTruncated = true;
    await this.write(false);
  }

  /** Writes the final counts; the runner calls it when the processor returns. */
  async finish(): Promise<BatchProgress> {
    await this.write(true);
    return this.snapshot;
  }

  private async write(force: boolean): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastWrite < REPORT_EVERY_MS) return;
    this.lastWrite = now;
    // Only order after the previous write: its failure was already thrown to its own caller.
    await this.pending?.catch(() => undefined);
    this.pending = this.job.updateProgress({ ...this.snapshot } as unknown as object);
    await this.pending;
  }
}
