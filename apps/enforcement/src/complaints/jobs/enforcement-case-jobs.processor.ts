import { Inject, Injectable } from '@nestjs/common';
import { JobProcessor, type JobExecution } from '@app/messaging';
import { EnforcementConfig } from '../../config/enforcement.config';
import { SanctionsService } from '../../sanctions/sanctions.service';
import { ComplaintsService } from '../complaints.service';

export const ENFORCEMENT_CONFIG = Symbol('ENFORCEMENT_CONFIG');

/** The scheduled work of enforcement cases; each run returns what it changed. */
@Injectable()
export class EnforcementCaseJobsProcessor {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly sanctions: SanctionsService,
    @Inject(ENFORCEMENT_CONFIG) private readonly config: EnforcementConfig,
  ) {}

  @JobProcessor('enforcement.complaints.escalate-overdue')
  async escalate(_job: JobExecution<'enforcement.complaints.escalate-overdue'>): Promise<{ escalated: string[]; closed: string[] }> {
    return this.complaints.escalateOverdue();
  }

  @JobProcessor('enforcement.registers.expire')
  async expire(_job: JobExecution<'enforcement.registers.expire'>): Promise<{ sanctions: string[]; commendations: string[] }> {
    return this.sanctions.expireRegisters();
  }

  @JobProcessor('enforcement.complaints.purge-personal-data')
  async purge(_job: JobExecution<'enforcement.complaints.purge-personal-data'>): Promise<{ purged: string[] }> {
    return this.complaints.purgePersonalData(this.config.COMPLAINT_RETENTION_DAYS);
  }
}
