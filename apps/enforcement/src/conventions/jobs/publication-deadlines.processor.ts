import { Injectable, Logger } from '@nestjs/common';
import { JobProcessor, type JobExecution } from '@app/messaging';
import { todayInChina } from '@app/common';
import { ConventionsService } from '../conventions.service';

export interface PublicationDeadlineReport {
  today: string;
  broughtIntoEffect: Array<{ versionId: string; conventionId: string; effectiveOn: string }>;
  warnings: Array<{ associationId: string; versionId: string; conventionTitle: string; level: string; daysLeft: number; publicationDeadline: string }>;
}

/** Daily: versions whose effective date has come take effect; unpublished texts near or past their deadline are reported. */
@Injectable()
export class PublicationDeadlinesProcessor {
  private readonly logger = new Logger('ConventionPublicationDeadlines');

  constructor(private readonly conventions: ConventionsService) {}

  async check(today = todayInChina(), warningDays?: number): Promise<PublicationDeadlineReport> {
    const applied = await this.conventions.applyDueEffectiveDates(today);
    const warnings = await this.conventions.publicationWarnings(null, today, warningDays);
    const report: PublicationDeadlineReport = {
      today,
      broughtIntoEffect: applied.map((v) => ({ versionId: v.id, conventionId: v.conventionId, effectiveOn: v.effectiveOn! })),
      warnings: warnings.map((w) => ({
        associationId: w.version.associationId,
        versionId: w.version.id,
        conventionTitle: w.conventionTitle,
        level: w.level,
        daysLeft: w.daysLeft,
        publicationDeadline: w.version.publicationDeadline!,
      })),
    };
    for (const warning of report.warnings) {
      this.logger.warn(`Convention text ${warning.versionId} (association ${warning.associationId}) is unpublished: ${warning.level}, deadline ${warning.publicationDeadline}.`);
    }
    return report;
  }

  @JobProcessor('enforcement.conventions.publication-deadlines')
  async run(job: JobExecution<'enforcement.conventions.publication-deadlines'>): Promise<PublicationDeadlineReport> {
    return this.check(todayInChina(), job.payload.warningDays);
  }
}
