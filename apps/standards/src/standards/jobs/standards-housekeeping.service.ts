import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { JobProcessor, type JobExecution } from '@app/messaging';
import { addDays, todayInChina } from '@app/common';
import { ActionOwner, StandardState } from '../../lifecycle/standard-lifecycle';
import { StandardsService } from '../standards.service';

export interface ClosedConsultations {
  closed: number;
  consultationIds: string[];
  standardIds: string[];
}

export interface RecordedReminders {
  reminded: number;
  reminders: Array<{ standardId: string; state: string; owedBy: ActionOwner; recipients: string[] }>;
}

export interface OpenedReviews {
  opened: number;
  standardIds: string[];
}

/** The scheduled work of the standards service; each run reports what it changed. */
@Injectable()
export class StandardsHousekeepingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardsService,
  ) {}

  @JobProcessor('standards.consultations.close')
  async runCloseConsultations(job: JobExecution<'standards.consultations.close'>): Promise<ClosedConsultations> {
    return this.closeEndedConsultations(job.payload.today ?? todayInChina());
  }

  @JobProcessor('standards.actions.remind')
  async runRemind(job: JobExecution<'standards.actions.remind'>): Promise<RecordedReminders> {
    return this.remindActionHolders(job.payload.staleAfterDays, job.payload.today ?? todayInChina());
  }

  @JobProcessor('standards.reviews.open')
  async runOpenReviews(job: JobExecution<'standards.reviews.open'>): Promise<OpenedReviews> {
    return this.openDueReviews(job.payload.today ?? todayInChina());
  }

  /** Consultations whose closing date is before `today`: closed, and their standard moved on to comment resolution. */
  async closeEndedConsultations(today: string): Promise<ClosedConsultations> {
    const due = await this.dataSource.query<Array<{ id: string; standard_id: string }>>(
      `SELECT id, standard_id FROM standards.consultation WHERE status = 'OPEN' AND closes_on < $1::date ORDER BY closes_on, id`,
      [today],
    );
    const result: ClosedConsultations = { closed: 0, consultationIds: [], standardIds: [] };
    for (const row of due) {
      await this.dataSource.transaction(async (manager) => {
        const standard = await this.standards.lock(manager, row.standard_id);
        const [still] = await manager.query(`SELECT 1 FROM standards.consultation WHERE id = $1 AND status = 'OPEN' FOR UPDATE`, [row.id]);
        if (!still) return;
        if (standard.state === StandardState.PUBLIC_COMMENT) {
          await this.standards.systemTransition(manager, standard, StandardState.COMMENT_RESOLUTION, 'The comment period ended.');
        } else {
          await manager.query(`UPDATE standards.consultation SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [row.id]);
        }
        result.closed += 1;
        result.consultationIds.push(row.id);
        result.standardIds.push(row.standard_id);
      });
    }
    return result;
  }

  /**
   * For every standard whose next action has been owed for more than `staleAfterDays` and that had no
   * reminder in that period: records a reminder naming who owes it (the office, the open ballot's
   * voters who have not voted, or the working group's convener and editors).
   */
  async remindActionHolders(staleAfterDays: number, today: string): Promise<RecordedReminders> {
    const cutoff = addDays(today, -staleAfterDays);
    const rows = await this.dataSource.query<Array<{ id: string; association_id: string; state: string; action_owner: ActionOwner; recipients: string[] | null }>>(
      `SELECT s.id, s.association_id, s.state, st.action_owner,
              CASE st.action_owner
                WHEN 'WORKING_GROUP' THEN (SELECT array_agg(m.account_id ORDER BY m.account_id) FROM standards.working_group_member m
                                            WHERE m.standard_id = s.id AND m.left_at IS NULL AND m.role IN ('CONVENER', 'EDITOR'))
                WHEN 'BALLOT' THEN (SELECT array_agg(v.account_id ORDER BY v.account_id) FROM standards.ballot b JOIN standards.ballot_voter v ON v.ballot_id = b.id
                                     WHERE b.standard_id = s.id AND b.status = 'OPEN' AND v.exclusion_reason IS NULL AND v.position IS NULL)
              END AS recipients
         FROM standards.standard s JOIN standards.stage st ON st.state = s.state
        WHERE st.action_owner <> 'NONE' AND s.state_entered_at < $1::date
          AND NOT EXISTS (SELECT 1 FROM standards.reminder r WHERE r.standard_id = s.id AND r.state = s.state AND r.sent_at >= $1::date)
        ORDER BY s.state_entered_at, s.id`,
      [cutoff],
    );
    const result: RecordedReminders = { reminded: 0, reminders: [] };
    for (const row of rows) {
      // No editor or no voter left to remind: the office owes the action.
      const recipients = row.recipients?.length ? row.recipients : ['OFFICE'];
      const owedBy = row.recipients?.length ? row.action_owner : ActionOwner.OFFICE;
      await this.dataSource.query(`INSERT INTO standards.reminder (association_id, standard_id, state, owed_by, recipients) VALUES ($1, $2, $3, $4, $5)`, [row.association_id, row.id, row.state, owedBy, recipients]);
      result.reminded += 1;
      result.reminders.push({ standardId: row.id, state: row.state, owedBy, recipients });
    }
    return result;
  }

  /** Published standards whose review date is today or earlier move to UNDER_REVIEW. */
  async openDueReviews(today: string): Promise<OpenedReviews> {
    const due = await this.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM standards.standard WHERE state = 'PUBLISHED' AND next_review_due <= $1::date ORDER BY next_review_due, id`,
      [today],
    );
    const result: OpenedReviews = { opened: 0, standardIds: [] };
    for (const { id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const standard = await this.standards.lock(manager, id);
        if (standard.state !== StandardState.PUBLISHED) return;
        await this.standards.systemTransition(manager, standard, StandardState.UNDER_REVIEW, `Periodic review due on ${standard.nextReviewDue}.`);
        result.opened += 1;
        result.standardIds.push(id);
      });
    }
    return result;
  }
}
