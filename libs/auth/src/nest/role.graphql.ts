import { registerEnumType } from '@nestjs/graphql';
import { ROLE_DESCRIPTIONS, Role } from '../role';

/** Registers Role as a GraphQL enum with a description on every value; import once per subgraph that exposes it. */
export function registerRoleEnum(): void {
  registerEnumType(Role, {
    name: 'Role',
    description: 'A role held in one association.',
    valuesMap: Object.fromEntries(Object.entries(ROLE_DESCRIPTIONS).map(([role, description]) => [role, { description }])),
  });
}
