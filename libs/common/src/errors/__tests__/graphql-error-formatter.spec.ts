import { BadRequestException, ForbiddenException, InternalServerErrorException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, PublicErrorCode } from '../domain-error';
import { createGraphQLErrorFormatter } from '../graphql-error-formatter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LOCATIONS = [{ line: 2, column: 3 }];
const PATH = ['registerOrganization'];

/** What Apollo hands the formatter for an error thrown in a resolver: the formatted error and the wrapping GraphQLError. */
function fromResolver(thrown: Error): [GraphQLFormattedError, unknown] {
  const error = new GraphQLError(thrown.message, { path: PATH, originalError: thrown });
  const formatted: GraphQLFormattedError = {
    message: thrown.message,
    locations: LOCATIONS,
    path: PATH,
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: [`Error: ${thrown.message}`, '    at resolver (/app/dist/x.js:1:1)'] },
  };
  return [formatted, error];
}

describe('createGraphQLErrorFormatter', () => {
  let logged: Array<[string, unknown]>;
  let format: ReturnType<typeof createGraphQLErrorFormatter>;

  beforeEach(() => {
    logged = [];
    format = createGraphQLErrorFormatter((errorId, error) => logged.push([errorId, error]));
  });

  it('gives a DomainError its code, reason, details and message', () => {
    const thrown = new ConflictError('CREDIT_CODE_TAKEN', 'Another organization has this credit code.', { field: 'creditCode' });
    expect(format(...fromResolver(thrown))).toEqual({
      message: 'Another organization has this credit code.',
      locations: LOCATIONS,
      path: PATH,
      extensions: { code: 'CONFLICT', reason: 'CREDIT_CODE_TAKEN', details: { field: 'creditCode' } },
    });
    expect(logged).toEqual([]);
  });

  it('leaves details out when the DomainError has none', () => {
    const result = format(...fromResolver(new NotFoundError('Organization', 'org-1')));
    expect(result.extensions).toEqual({ code: PublicErrorCode.NOT_FOUND, reason: 'ORGANIZATION_NOT_FOUND' });
  });

  it('handles a DomainError given unwrapped', () => {
    const [formatted] = fromResolver(new Error('x'));
    const result = format(formatted, new ForbiddenError('ROLE_REQUIRED', 'This needs ADMIN.'));
    expect(result).toMatchObject({ message: 'This needs ADMIN.', extensions: { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' } });
  });

  it('never shows the stack trace of a DomainError', () => {
    const result = format(...fromResolver(new BadInputError('INVALID_CURSOR', 'Bad cursor.')));
    expect(result.extensions).not.toHaveProperty('stacktrace');
  });

  it('turns a validation BadRequestException into BAD_USER_INPUT listing every problem', () => {
    const problems = ['name must be shorter than or equal to 200 characters', 'email must be an email'];
    const result = format(...fromResolver(new BadRequestException(problems)));
    expect(result).toEqual({
      message: problems.join('; '),
      locations: LOCATIONS,
      path: PATH,
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', details: { problems } },
    });
    expect(logged).toEqual([]);
  });

  it('keeps the single message of a BadRequestException', () => {
    const result = format(...fromResolver(new BadRequestException('page size too large')));
    expect(result.extensions).toMatchObject({ code: 'BAD_USER_INPUT', details: { problems: ['page size too large'] } });
  });

  it.each([
    ['UnauthorizedException', new UnauthorizedException(), 'UNAUTHENTICATED'],
    ['ForbiddenException', new ForbiddenException(), 'FORBIDDEN'],
    ['NotFoundException', new NotFoundException(), 'NOT_FOUND'],
  ])('maps a Nest %s to %s', (_name, thrown, code) => {
    const result = format(...fromResolver(thrown));
    expect(result.extensions).toMatchObject({ code, reason: code });
    expect(result.extensions).not.toHaveProperty('stacktrace');
  });

  it('passes GRAPHQL_VALIDATION_FAILED through without its stack trace', () => {
    const message = 'Cannot query field "nmae" on type "Organization".';
    const formatted: GraphQLFormattedError = {
      message,
      locations: LOCATIONS,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: ...', '    at validate'] },
    };
    const result = format(formatted, new GraphQLError(message));
    expect(result).toEqual({ message, locations: LOCATIONS, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(logged).toEqual([]);
  });

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR with an error id', () => {
    const thrown = new Error('connect ECONNREFUSED 10.0.4.7:5432 user=zilv_owner');
    const result = format(...fromResolver(thrown));
    const errorId = result.extensions?.errorId as string;
    expect(errorId).toMatch(UUID);
    expect(result).toEqual({
      message: `Something went wrong on our side. Quote error id ${errorId} when you report it.`,
      locations: LOCATIONS,
      path: PATH,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    });
    expect(JSON.stringify(result)).not.toContain('ECONNREFUSED');
    expect(JSON.stringify(result)).not.toContain('zilv_owner');
  });

  it('logs the original error under the same error id it shows', () => {
    const thrown = new TypeError("Cannot read properties of undefined (reading 'id')");
    const result = format(...fromResolver(thrown));
    expect(logged).toHaveLength(1);
    expect(logged[0][0]).toBe(result.extensions?.errorId);
    expect(logged[0][1]).toBe(thrown);
  });

  it('gives every unexpected error its own id', () => {
    const first = format(...fromResolver(new Error('a')));
    const second = format(...fromResolver(new Error('a')));
    expect(first.extensions?.errorId).not.toBe(second.extensions?.errorId);
  });

  it('hides a Nest 500 like any unexpected error', () => {
    const result = format(...fromResolver(new InternalServerErrorException('pool exhausted')));
    expect(result.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.message).not.toContain('pool exhausted');
    expect(logged).toHaveLength(1);
  });

  it('hides an error with an unknown code', () => {
    const formatted: GraphQLFormattedError = { message: 'secret detail', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } };
    const result = format(formatted, new GraphQLError('secret detail'));
    expect(result.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.message).not.toContain('secret detail');
  });
});
