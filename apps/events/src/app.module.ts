import { type DynamicModule, Module } from '@nestjs/common';
import { SubgraphModule } from '@app/subgraph';
import type { EventsConfig } from './config/events.config';
import { CalendarController } from './calendar/calendar.controller';
import { EventCatalogResolver } from './catalog/event-catalog.resolver';
import { MemberDirectoryProjector } from './directory/member-directory.projector';
import { MemberDirectoryService } from './directory/member-directory.service';
import { EventChangeEntity } from './events/entities/event-change.entity';
import { EventOrganizerEntity } from './events/entities/event-organizer.entity';
import { EventSessionEntity } from './events/entities/event-session.entity';
import { EventEntity } from './events/entities/event.entity';
import { EventChangesService } from './events/event-changes.service';
import { EventsResolver } from './events/events.resolver';
import { EventsService } from './events/events.service';
import { AgendaItemEntity } from './meetings/entities/agenda-item.entity';
import { MeetingsResolver } from './meetings/meetings.resolver';
import { MeetingsService } from './meetings/meetings.service';
import { RegistrationEntity } from './registrations/entities/registration.entity';
import { RegistrationJobsProcessor } from './registrations/jobs/registration-jobs.processor';
import { RegistrationsResolver } from './registrations/registrations.resolver';
import { RegistrationsService } from './registrations/registrations.service';
import { SeatsService } from './registrations/seats.service';

@Module({})
export class EventsAppModule {
  static forRoot(config: EventsConfig): DynamicModule {
    return {
      module: EventsAppModule,
      imports: [
        SubgraphModule.forService({
          service: 'events',
          config,
          entities: [EventEntity, EventOrganizerEntity, EventSessionEntity, EventChangeEntity, RegistrationEntity, AgendaItemEntity],
        }),
      ],
      controllers: [CalendarController],
      providers: [
        EventCatalogResolver,
        MemberDirectoryProjector,
        MemberDirectoryService,
        EventsService,
        EventChangesService,
        EventsResolver,
        SeatsService,
        RegistrationsService,
        RegistrationsResolver,
        RegistrationJobsProcessor,
        MeetingsService,
        MeetingsResolver,
      ],
    };
  }
}
