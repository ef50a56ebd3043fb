import { assertOneHandlerEach, type DiscoveredHandler } from '../handler-discovery';

type Name = 'a.created' | 'a.updated' | 'b.deleted';

function handlers(entries: Array<[Name, string[]]>): Map<Name, DiscoveredHandler<Name>[]> {
  return new Map(entries.map(([name, owners]) => [name, owners.map((owner) => ({ name, owner, invoke: async () => undefined }))]));
}

function problemsOf(expected: Name[], found: Map<Name, DiscoveredHandler<Name>[]>): string {
  try {
    assertOneHandlerEach('event', 'enforcement', expected, found);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the set-up to be refused');
}

describe('assertOneHandlerEach', () => {
  it('passes when every expected name has exactly one handler', () => {
    const found = handlers([
      ['a.created', ['Projector.onCreated']],
      ['a.updated', ['Projector.onUpdated']],
    ]);
    expect(() => assertOneHandlerEach('event', 'enforcement', ['a.created', 'a.updated'], found)).not.toThrow();
  });

  it('passes with nothing expected and nothing found', () => {
    expect(() => assertOneHandlerEach('job', 'events', [], new Map())).not.toThrow();
  });

  it('names a routed event without a handler', () => {
    const message = problemsOf(['a.created', 'a.updated'], handlers([['a.created', ['Projector.onCreated']]]));
    expect(message).toContain('Messaging set-up of enforcement is inconsistent');
    expect(message).toContain('a.updated has no event handler in enforcement');
  });

  it('names both owners of a doubly handled event', () => {
    const message = problemsOf(['a.created'], handlers([['a.created', ['Projector.onCreated', 'Mailer.onCreated']]]));
    expect(message).toContain('a.created has 2 event handlers in enforcement: Projector.onCreated, Mailer.onCreated');
  });

  it('names a handler for an event the catalog does not route here', () => {
    const message = problemsOf(['a.created'], handlers([['a.created', ['Projector.onCreated']], ['b.deleted', ['Cleaner.onDeleted']]]));
    expect(message).toContain('Cleaner.onDeleted handles b.deleted, which the catalog does not route to enforcement');
  });

  it('lists every problem at once', () => {
    const message = problemsOf(
      ['a.created', 'a.updated'],
      handlers([
        ['a.created', ['Projector.onCreated', 'Mailer.onCreated']],
        ['b.deleted', ['Cleaner.onDeleted']],
      ]),
    );
    const problems = message.split('\n').filter((line) => line.startsWith('  - '));
    expect(problems).toHaveLength(3);
    expect(message).toContain('a.updated has no event handler');
    expect(message).toContain('a.created has 2 event handlers');
    expect(message).toContain('handles b.deleted');
  });

  it('treats an empty handler list like a missing one', () => {
    expect(problemsOf(['a.created'], new Map([['a.created', []]]))).toContain('a.created has no event handler');
  });
});
