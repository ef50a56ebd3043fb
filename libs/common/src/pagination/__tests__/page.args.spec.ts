import { validateSync } from 'class-validator';
import { BadInputError, PublicErrorCode } from '../../errors/domain-error';
import { encodeCursor } from '../cursor.codec';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MIN_PAGE_SIZE, PageArgs, resolvePageArgs, resolvePageSize } from '../page.args';

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('page size bounds', () => {
  it('are 1 to 100 with a default of 20', () => {
    expect([MIN_PAGE_SIZE, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE]).toEqual([1, 100, 20]);
  });

  it('use the default when first is left out', () => {
    expect(resolvePageSize(undefined)).toBe(20);
    expect(resolvePageSize(null)).toBe(20);
  });

  it.each([1, 2, 20, 99, 100])('accept %d', (first) => {
    expect(resolvePageSize(first)).toBe(first);
  });

  it.each([0, 101, -1, -100, 1000, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuse %d instead of clamping it', (first) => {
    const error = thrownBy(() => resolvePageSize(first));
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({
      code: PublicErrorCode.BAD_USER_INPUT,
      reason: 'INVALID_PAGE_SIZE',
      details: { field: 'first', min: 1, max: 100 },
    });
  });

  it('say what was wrong', () => {
    expect(thrownBy(() => resolvePageSize(101))).toMatchObject({ message: '`first` must be a whole number from 1 to 100; got 101.' });
  });
});

describe('resolvePageArgs', () => {
  it('decodes the after cursor', () => {
    const after = encodeCursor({ createdAt: '2024-03-01T08:30:15.123456Z', id: '7' });
    expect(resolvePageArgs({ first: 5, after })).toEqual({ first: 5, after: { createdAt: '2024-03-01T08:30:15.123456Z', id: '7' } });
  });

  it('starts at the beginning without a cursor', () => {
    expect(resolvePageArgs({})).toEqual({ first: 20, after: null });
    expect(resolvePageArgs({ first: null, after: null })).toEqual({ first: 20, after: null });
  });

  it('refuses a bad cursor and a bad size alike as BAD_USER_INPUT', () => {
    expect(thrownBy(() => resolvePageArgs({ after: 'garbage' }))).toMatchObject({ reason: 'INVALID_CURSOR' });
    expect(thrownBy(() => resolvePageArgs({ first: 0 }))).toMatchObject({ reason: 'INVALID_PAGE_SIZE' });
  });
});

describe('PageArgs with class-validator', () => {
  function problems(values: Partial<PageArgs>): string[] {
    return validateSync(Object.assign(new PageArgs(), values)).map((error) => error.property);
  }

  it('accepts the bounds and a missing after', () => {
    expect(problems({ first: 1 })).toEqual([]);
    expect(problems({ first: 100, after: 'abc' })).toEqual([]);
    expect(problems({})).toEqual([]);
  });

  it('flags out-of-range sizes, so a whitelisting pipe keeps and checks the fields', () => {
    expect(problems({ first: 0 })).toEqual(['first']);
    expect(problems({ first: 101 })).toEqual(['first']);
    expect(problems({ first: -5 })).toEqual(['first']);
    expect(problems({ after: 'A'.repeat(513) })).toEqual(['after']);
  });
});
