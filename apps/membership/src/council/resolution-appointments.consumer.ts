import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OnDomainEvent, type DomainEventEnvelope } from '@app/messaging';
import { CouncilService } from './council.service';

/** Applies elections and appointments adopted by congresses and council meetings to the council's offices. */
@Injectable()
export class ResolutionAppointmentsConsumer {
  constructor(private readonly council: CouncilService) {}

  @OnDomainEvent('events.meeting.resolution-adopted')
  async onResolutionAdopted(event: DomainEventEnvelope<'events.meeting.resolution-adopted'>, manager: EntityManager): Promise<void> {
    await this.council.applyResolution(manager, event);
  }
}
