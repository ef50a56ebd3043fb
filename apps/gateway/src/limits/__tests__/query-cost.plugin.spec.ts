import { ApolloServer } from '@apollo/server';
import { queryCostPlugin } from '../query-cost.plugin';
import { testSchema } from './test-schema.fixture';

describe('queryCostPlugin', () => {
  const server = new ApolloServer({
    schema: testSchema,
    rootValue: { organizations: () => ({ nodes: [] }) },
    plugins: [queryCostPlugin({ maxCost: 50, defaultListSize: 10, maxListSize: 100 })],
  });
  const query = 'query Page($n: Int) { organizations(first: $n) { nodes { id name } } }';

  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('lets an operation within the limit run, using the real variables', async () => {
    // 1 + (1 + 20 * 2) = 42: under the limit only because $n is read, not assumed at maxListSize
    const response = await server.executeOperation({ query, variables: { n: 20 } });
    expect(response.body.kind === 'single' && response.body.singleResult).toEqual({ data: { organizations: { nodes: [] } } });
    expect(response.http.status).toBeUndefined();
  });

  it('refuses an operation over the limit with HTTP 400 before it executes', async () => {
    const response = await server.executeOperation({ query, variables: { n: 30 } });
    expect(response.body.kind === 'single' && response.body.singleResult).toEqual({
      errors: [
        {
          message: 'Query cost 62 exceeds the limit of 50.',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' },
        },
      ],
    });
    expect(response.http.status).toBe(400);
  });
});
