import { Injectable } from '@nestjs/common';
import { JobProcessor, type JobExecution } from '@app/messaging';
import { RegistrationsService } from '../registrations.service';

/** Scheduled work on registrations: lapsing waitlist offers, recording reminders, erasing old contact data. */
@Injectable()
export class RegistrationJobsProcessor {
  constructor(private readonly registrations: RegistrationsService) {}

  @JobProcessor('events.waitlist.expire-offers')
  async expireOffers(_job: JobExecution<'events.waitlist.expire-offers'>): Promise<{ expired: number; offered: number }> {
    return this.registrations.expireOffers(new Date());
  }

  @JobProcessor('events.reminders.send')
  async sendReminders(job: JobExecution<'events.reminders.send'>): Promise<{ reminded: number }> {
    return { reminded: await this.registrations.sendReminders(new Date(), job.payload.withinHours) };
  }

  @JobProcessor('events.registrations.purge-contact-data')
  async purgeContactData(job: JobExecution<'events.registrations.purge-contact-data'>): Promise<{ erased: number }> {
    return { erased: await this.registrations.purgeContactData(new Date(), job.payload.retentionDays) };
  }
}
