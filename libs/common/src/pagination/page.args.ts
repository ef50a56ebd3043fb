import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { BadInputError } from '../errors/domain-error';
import { decodeCursor, MAX_CURSOR_LENGTH, type CursorPosition } from './cursor.codec';

export const DEFAULT_PAGE_SIZE = 20;
export const MIN_PAGE_SIZE = 1;
export const MAX_PAGE_SIZE = 100;

/** What `paginate` reads; `PageArgs` satisfies it, and so does a plain object from a service. */
export interface PageArgsInput {
  first?: number | null;
  after?: string | null;
}

/**
 * Forward paging arguments of a Relay connection. The class-validator decorators keep the fields
 * through a whitelisting ValidationPipe; the bounds are enforced by `resolvePageArgs` either way.
 */
@ArgsType()
export class PageArgs implements PageArgsInput {
  @Field(() => Int, {
    nullable: false,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}. Values outside that range are refused, not clamped.`,
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_PAGE_SIZE)
  @Max(MAX_PAGE_SIZE)
  first: number;

  @Field(() => String, {
    nullable: true,
    description: 'Return the items after this cursor: the `endCursor` of the previous page. Leave it out for the first page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  after?: string | null;
}

export interface ResolvedPageArgs {
  first: number;
  after: CursorPosition | null;
}

/** The page size to use; out of range is `BadInputError('INVALID_PAGE_SIZE')`, never clamped. */
export function resolvePageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < MIN_PAGE_SIZE || first > MAX_PAGE_SIZE) {
    throw new BadInputError('INVALID_PAGE_SIZE', `\`first\` must be a whole number from ${MIN_PAGE_SIZE} to ${MAX_PAGE_SIZE}; got ${first}.`, {
      field: 'first',
      min: MIN_PAGE_SIZE,
      max: MAX_PAGE_SIZE,
    });
  }
  return first;
}

/** Validates and decodes paging arguments: the page size and the position to continue after. */
export function resolvePageArgs(args: PageArgsInput): ResolvedPageArgs {
  return {
    first: resolvePageSize(args.first),
    after: args.after === undefined || args.after === null ? null : decodeCursor(args.after),
  };
}

/** Paging within one association: most lists are per tenant. */
@ArgsType()
export class AssociationPageArgs extends PageArgs {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;
}
