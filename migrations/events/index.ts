import { Messaging1795400000000 } from './1795400000000-messaging';
import { EventsDomain1795500000000 } from './1795500000000-events-domain';
import { IndividualMembershipStatus1795600000000 } from './1795600000000-individual-membership-status';
import { EventChanges1796000000000 } from './1796000000000-event-changes';

/** Applied in this order; append new migrations, never edit one that has landed. */
export const EVENTS_MIGRATIONS = [Messaging1795400000000, EventsDomain1795500000000, IndividualMembershipStatus1795600000000, EventChanges1796000000000];
