import { updateReturning } from '../update-returning';

describe('updateReturning', () => {
  it('unwraps the [rows, affectedCount] answer the PostgreSQL driver gives an UPDATE … RETURNING', async () => {
    const runner = { query: async () => [[{ id: 'a' }, { id: 'b' }], 2] };
    await expect(updateReturning(runner, 'UPDATE … RETURNING id', [])).resolves.toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('passes rows through when the answer is the rows alone', async () => {
    const runner = { query: async () => [{ id: 'a' }] };
    await expect(updateReturning(runner, 'INSERT … RETURNING id', [])).resolves.toEqual([{ id: 'a' }]);
  });

  it('an update that matched nothing gives no rows', async () => {
    const runner = { query: async () => [[], 0] };
    await expect(updateReturning(runner, 'UPDATE … RETURNING id', [])).resolves.toEqual([]);
  });
});
