import { Messaging1795400000000 } from './1795400000000-messaging';

/** Applied in this order; append new migrations, never edit one that has landed. */
export const EVENTS_MIGRATIONS = [Messaging1795400000000];
