import { Injectable } from '@nestjs/common';
import { JobProcessor, type JobExecution } from '@app/messaging';
import { todayInChina } from '@app/common';
import { MembershipsService, type SweepItem } from '../memberships.service';

/** The nightly dues sweep; returns (and counts in its progress) every membership it moved. */
@Injectable()
export class DuesSweepProcessor {
  constructor(private readonly memberships: MembershipsService) {}

  @JobProcessor('membership.dues.sweep')
  async run(job: JobExecution<'membership.dues.sweep'>): Promise<{ asOf: string; changed: SweepItem[] }> {
    const asOf = job.payload.asOf ?? todayInChina();
    const changed = await this.memberships.sweepDues(job.payload.associationId, asOf);
    await job.report.setTotal(changed.length);
    if (changed.length > 0) await job.report.succeeded(changed.length);
    return { asOf, changed };
  }
}
