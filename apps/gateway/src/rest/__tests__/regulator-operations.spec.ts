import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { SERVICE_NAMES, type ServiceName } from '@app/config';
import { REPOSITORY_ROOT } from '@app/testing';
import { composeApiSchema } from '../../graphql/compose-supergraph';
import { REGULATOR_OPERATIONS } from '../regulator-operations';

/** The checked-in subgraph SDL composed the way the gateway composes it. */
const apiSchema = composeApiSchema(
  Object.fromEntries(SERVICE_NAMES.map((s) => [s, readFileSync(join(REPOSITORY_ROOT, 'schema', `${s}.graphql`), 'utf8')])) as Record<ServiceName, string>,
);

describe('operations behind /api/v1', () => {
  it.each(Object.entries(REGULATOR_OPERATIONS))('%s is valid against the schema clients see through the gateway', (name, operation) => {
    const document = parse(operation);
    expect(validate(apiSchema, document).map((e) => e.message)).toEqual([]);
    // The executor runs it by name, so the document's one operation must carry that name.
    expect(document.definitions.map((d) => ('name' in d ? d.name?.value : undefined))).toEqual([name]);
  });
});
