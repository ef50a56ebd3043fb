import { ApolloServer } from '@apollo/server';
import { Test } from '@nestjs/testing';
import { Args, Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, InputType, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { graphql, GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema } from 'graphql';
import { createGraphQLErrorFormatter } from '../../errors/graphql-error-formatter';
import { CREDIT_CODE_SCALAR_NAME, UnifiedSocialCreditCodeScalar } from '../credit-code.scalar';

const VALID = '91350100M000100Y43';

@ObjectType({ description: 'An organisation found by its code.' })
class FoundOrganization {
  @Field(() => UnifiedSocialCreditCodeScalar, { description: 'The code that was looked up.' })
  creditCode: string;
}

@InputType({ description: 'Codes to look up.' })
class LookupInput {
  @Field(() => [UnifiedSocialCreditCodeScalar], { description: 'Codes, each validated.' })
  codes: string[];
}

@Resolver(() => FoundOrganization)
class LookupResolver {
  @Query(() => FoundOrganization, { description: 'Echoes a code back.' })
  organizationByCode(@Args('creditCode', { type: () => UnifiedSocialCreditCodeScalar, description: 'A code.' }) creditCode: string): FoundOrganization {
    return { creditCode };
  }

  @Query(() => [String], { description: 'Echoes codes back.' })
  lookup(@Args('input', { description: 'Codes.' }) input: LookupInput): string[] {
    return input.codes;
  }

  @Query(() => FoundOrganization, { description: 'Returns a corrupt stored code.' })
  corrupt(): FoundOrganization {
    return { creditCode: '91350100M000100Y44' };
  }
}

// The schema factory leaves resolver wiring to the Nest module, so root fields resolve from this.
const rootValue = {
  organizationByCode: ({ creditCode }: { creditCode: string }): FoundOrganization => ({ creditCode }),
  lookup: ({ input }: { input: LookupInput }): string[] => input.codes,
  corrupt: (): FoundOrganization => ({ creditCode: '91350100M000100Y44' }),
};

async function buildSchema(): Promise<GraphQLSchema> {
  const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
  return moduleRef.get(GraphQLSchemaFactory).create([LookupResolver], [UnifiedSocialCreditCodeScalar]);
}

describe('UnifiedSocialCreditCodeScalar', () => {
  const scalar = new UnifiedSocialCreditCodeScalar();
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildSchema();
  });

  it('is registered under its name with a description', () => {
    const type = schema.getType(CREDIT_CODE_SCALAR_NAME);
    expect(type).toBeInstanceOf(GraphQLScalarType);
    expect(type?.description).toContain('GB 32100-2015');
  });

  it('parses valid values and literals unchanged', () => {
    expect(scalar.parseValue(VALID)).toBe(VALID);
    expect(scalar.parseLiteral({ kind: Kind.STRING, value: VALID })).toBe(VALID);
    expect(scalar.serialize(VALID)).toBe(VALID);
  });

  it('rejects invalid values with BAD_USER_INPUT and the failing rule', () => {
    const error = ((): unknown => {
      try {
        return scalar.parseValue(VALID.toLowerCase());
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_CREDIT_CODE', details: { reason: 'LOWER_CASE' } });
    expect(() => scalar.parseValue(42)).toThrow('must be a string');
    expect(() => scalar.parseLiteral({ kind: Kind.INT, value: '42' })).toThrow('must be a string literal');
  });

  it('refuses to serialize an invalid stored code', () => {
    expect(() => scalar.serialize('91350100M000100Y44')).toThrow(TypeError);
    expect(() => scalar.serialize(123)).toThrow(TypeError);
  });

  describe('in an executed schema', () => {
    it('accepts a valid code as literal and as variable', async () => {
      const literal = await graphql({ schema, rootValue, source: `{ organizationByCode(creditCode: "${VALID}") { creditCode } }` });
      expect(literal).toEqual({ data: { organizationByCode: { creditCode: VALID } } });
      const variable = await graphql({
        schema,
        rootValue,
        source: 'query($c: UnifiedSocialCreditCode!) { organizationByCode(creditCode: $c) { creditCode } }',
        variableValues: { c: VALID },
      });
      expect(variable).toEqual({ data: { organizationByCode: { creditCode: VALID } } });
    });

    it('reports an invalid literal with the scalar error and its extensions', async () => {
      const result = await graphql({ schema, rootValue, source: '{ organizationByCode(creditCode: "91350100M000100Y44") { creditCode } }' });
      expect(result.data).toBeUndefined();
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CREDIT_CODE', details: { reason: 'CHECK_CHARACTER' } });
    });

    it('rejects an invalid code inside a list of an input object', async () => {
      const result = await graphql({
        schema,
        rootValue,
        source: 'query($i: LookupInput!) { lookup(input: $i) }',
        variableValues: { i: { codes: [VALID, '91350100-000100Y43'] } },
      });
      expect(result.errors?.[0].message).toContain('Character 9 "-" (U+002D) is not allowed');
    });
  });

  describe('through Apollo Server and the shared error formatter', () => {
    let server: ApolloServer;

    beforeAll(async () => {
      server = new ApolloServer({ schema, rootValue, formatError: createGraphQLErrorFormatter(() => undefined) });
      await server.start();
    });

    afterAll(async () => {
      await server.stop();
    });

    async function errorsOf(query: string, variables?: Record<string, unknown>) {
      const response = await server.executeOperation({ query, variables });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      return response.body.singleResult.errors ?? [];
    }

    it('reaches the client as BAD_USER_INPUT for a variable', async () => {
      const errors = await errorsOf('query($c: UnifiedSocialCreditCode!) { organizationByCode(creditCode: $c) { creditCode } }', { c: 'x' });
      expect(errors).toHaveLength(1);
      expect(errors[0].message).toContain('A unified social credit code has 18 characters; got 1.');
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CREDIT_CODE', details: { reason: 'LENGTH' } });
    });

    // Apollo Server alone would answer GRAPHQL_VALIDATION_FAILED here; the formatter restores the code.
    it('reaches the client as BAD_USER_INPUT for a literal', async () => {
      const errors = await errorsOf('{ organizationByCode(creditCode: "91350100S000100Y43") { creditCode } }');
      expect(errors).toHaveLength(1);
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CREDIT_CODE', details: { reason: 'FORBIDDEN_LETTER' } });
    });

    it('hides a corrupt stored code behind an internal error', async () => {
      const errors = await errorsOf('{ corrupt { creditCode } }');
      expect(errors[0].extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      expect(errors[0].message).not.toContain('91350100M000100Y44');
    });
  });
});
