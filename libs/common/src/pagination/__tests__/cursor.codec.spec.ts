import { BadInputError, PublicErrorCode } from '../../errors/domain-error';
import { decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from '../cursor.codec';

const ID = '3f2a4c6e-8b1d-4e5f-9a0b-1c2d3e4f5a6b';

function encodeJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function expectInvalid(cursor: string): void {
  let thrown: unknown;
  try {
    decodeCursor(cursor);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(BadInputError);
  expect(thrown).toMatchObject({ code: PublicErrorCode.BAD_USER_INPUT, reason: 'INVALID_CURSOR', details: { field: 'after' } });
}

describe('encodeCursor / decodeCursor', () => {
  it('round-trips a Date position at millisecond precision', () => {
    const cursor = encodeCursor({ createdAt: new Date('2024-03-01T08:30:15.123Z'), id: ID });
    expect(decodeCursor(cursor)).toEqual({ createdAt: '2024-03-01T08:30:15.123Z', id: ID });
  });

  it('keeps microseconds given as a string, as PostgreSQL stores them', () => {
    const cursor = encodeCursor({ createdAt: '2024-03-01T08:30:15.123456Z', id: ID });
    expect(decodeCursor(cursor).createdAt).toBe('2024-03-01T08:30:15.123456Z');
  });

  it('is base64url of {"c","i"} JSON, with no padding or URL-unsafe characters', () => {
    const cursor = encodeCursor({ createdAt: '2024-03-01T08:30:15.000000Z', id: 42 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).toEqual({ c: '2024-03-01T08:30:15.000000Z', i: '42' });
  });

  it('turns numeric and bigint ids into strings', () => {
    expect(decodeCursor(encodeCursor({ createdAt: '2024-03-01T08:30:15Z', id: 7 })).id).toBe('7');
    expect(decodeCursor(encodeCursor({ createdAt: '2024-03-01T08:30:15Z', id: 9007199254740993n })).id).toBe('9007199254740993');
  });

  it('refuses to encode a position it could not decode', () => {
    expect(() => encodeCursor({ createdAt: '2024-03-01 08:30:15+08', id: ID })).toThrow(RangeError);
    expect(() => encodeCursor({ createdAt: '2024-03-01T08:30:15Z', id: '' })).toThrow(RangeError);
    expect(() => encodeCursor({ createdAt: new Date(Number.NaN), id: ID })).toThrow(RangeError);
  });

  it.each([
    ['an empty string', ''],
    ['random text', 'not a cursor'],
    ['standard base64 characters', `${encodeJson({ c: '2024-03-01T08:30:15Z', i: '1' })}+/=`],
    ['base64url that is not JSON', Buffer.from('hello').toString('base64url')],
    ['a JSON array', encodeJson(['2024-03-01T08:30:15Z', '1'])],
    ['JSON null', encodeJson(null)],
    ['a missing id', encodeJson({ c: '2024-03-01T08:30:15Z' })],
    ['a numeric id', encodeJson({ c: '2024-03-01T08:30:15Z', i: 1 })],
    ['an empty id', encodeJson({ c: '2024-03-01T08:30:15Z', i: '' })],
    ['an over-long id', encodeJson({ c: '2024-03-01T08:30:15Z', i: 'x'.repeat(129) })],
    ['an extra key', encodeJson({ c: '2024-03-01T08:30:15Z', i: '1', x: 1 })],
    ['a timestamp with an offset', encodeJson({ c: '2024-03-01T08:30:15+08:00', i: '1' })],
    ['a date only', encodeJson({ c: '2024-03-01', i: '1' })],
    ['an impossible date', encodeJson({ c: '2024-02-30T08:30:15Z', i: '1' })],
    ['hour 24', encodeJson({ c: '2024-03-01T24:00:00Z', i: '1' })],
    ['nanoseconds', encodeJson({ c: '2024-03-01T08:30:15.123456789Z', i: '1' })],
    ['an over-long cursor', 'A'.repeat(MAX_CURSOR_LENGTH + 1)],
  ])('rejects %s as INVALID_CURSOR', (_label, cursor) => {
    expectInvalid(cursor);
  });

  it('rejects a non-canonical spelling of a valid cursor', () => {
    const cursor = encodeCursor({ createdAt: '2024-03-01T08:30:15Z', id: '12' });
    // 37 bytes of JSON leave 4 unused low bits in the last base64url character; setting one
    // decodes to the same bytes but is not what encodeCursor produced.
    expect(Buffer.from(cursor, 'base64url').length % 3).toBe(1);
    const last = cursor[cursor.length - 1];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const variant = cursor.slice(0, -1) + alphabet[alphabet.indexOf(last) + 1];
    expect(Buffer.from(variant, 'base64url')).toEqual(Buffer.from(cursor, 'base64url'));
    expectInvalid(variant);
  });

  it('gives the same message for every defect', () => {
    const messages = new Set<string>();
    for (const cursor of ['', '!!', encodeJson([]), encodeJson({ c: 'x', i: '1' })]) {
      try {
        decodeCursor(cursor);
      } catch (error) {
        messages.add((error as Error).message);
      }
    }
    expect([...messages]).toEqual(['The `after` cursor is not one this API issued; start again without it.']);
  });
});
