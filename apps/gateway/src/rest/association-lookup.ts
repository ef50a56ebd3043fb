import { BadInputError, NotFoundError } from '@app/common';
import type { GatewayContext } from '../graphql/gateway-graphql.options';
import type { RestRequest } from './api-key.guard';
import type { GraphQLExecutor } from './graphql-executor.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHORT_CODE = /^[A-Za-z][A-Za-z0-9]{1,15}$/;

/** The GraphQL context a REST call runs its operation in: the API key's exchanged token and the request id. */
export function restContext(request: RestRequest): GatewayContext {
  return { req: { headers: { authorization: `Bearer ${request.accessToken}` }, requestId: request.requestId } } as GatewayContext;
}

interface AssociationCodesPage {
  associations: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<{ id: string; shortCode: string }> };
}

/**
 * The `{code}` of a REST path (an association's short code in any case, or its id) resolved among the
 * associations the key may read: malformed is 400; not among them is 404, with no hint whether it exists.
 */
export async function associationIdByCode(executor: GraphQLExecutor, request: RestRequest, code: string): Promise<string> {
  if (!UUID.test(code) && !SHORT_CODE.test(code)) {
    throw new BadInputError('INVALID_ASSOCIATION_CODE', 'An association code is 2 to 16 capital letters or digits starting with a letter, or the association id.');
  }
  let after: string | null = null;
  // A key reads a handful of associations; the bound only guards against a cursor that never ends.
  for (let page = 0; page < 50; page += 1) {
    const data: AssociationCodesPage = await executor.execute<AssociationCodesPage>('ListAssociationCodes', { first: 100, after }, restContext(request));
    const found = data.associations.nodes.find((a) => a.id === code.toLowerCase() || a.shortCode === code.toUpperCase());
    if (found) return found.id;
    if (!data.associations.pageInfo.hasNextPage) break;
    after = data.associations.pageInfo.endCursor;
  }
  throw new NotFoundError('Association', code);
}
