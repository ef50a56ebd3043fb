import type { Type } from '@nestjs/common';
import { CasesAssociationsController } from './enforcement/cases-associations.controller';
import { CasesOversightController } from './enforcement/cases-oversight.controller';
import { SignatoryChangesController } from './enforcement/signatory-changes.controller';
import { AssociationEventsController } from './events/association-events.controller';
import { MembersController } from './membership/members.controller';
import { AssociationsController } from './platform/associations.controller';
import { StandardProjectsController } from './standards/standard-projects.controller';
import { StandardsController } from './standards/standards.controller';

/** Every REST controller of /api/v1; each service's endpoints live in `rest/<service>/`. */
export const REST_CONTROLLERS: Type[] = [
  AssociationsController,
  MembersController,
  SignatoryChangesController,
  CasesAssociationsController,
  CasesOversightController,
  StandardsController,
  StandardProjectsController,
  AssociationEventsController,
];
