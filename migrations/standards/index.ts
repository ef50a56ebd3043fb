import { Messaging1795400000000 } from './1795400000000-messaging';
import { StandardsLifecycle1795500000000 } from './1795500000000-standards-lifecycle';
import { ExpertPersonOptional1795800000000 } from './1795800000000-expert-person-optional';

/** Applied in this order; append new migrations, never edit one that has landed. */
export const STANDARDS_MIGRATIONS = [Messaging1795400000000, StandardsLifecycle1795500000000, ExpertPersonOptional1795800000000];
