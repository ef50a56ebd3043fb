import { aggregateScores, recusalReason, shortlist, toHundredths } from './award-scoring';

describe('award score aggregation', () => {
  it('averages in hundredths, rounding half up, and ranks with shared ranks for ties', () => {
    const result = aggregateScores(
      ['a', 'b', 'c', 'd', 'e'],
      [
        { nominationId: 'a', hundredths: toHundredths(90) },
        { nominationId: 'a', hundredths: toHundredths('85.5') },
        { nominationId: 'b', hundredths: toHundredths(88) },
        { nominationId: 'b', hundredths: toHundredths(87.5) },
        { nominationId: 'c', hundredths: toHundredths(70) },
        { nominationId: 'c', hundredths: toHundredths(70) },
        { nominationId: 'c', hundredths: toHundredths(70.01) },
        { nominationId: 'd', hundredths: toHundredths(95) },
        { nominationId: 'zz', hundredths: toHundredths(100) },
      ],
    );
    expect(result).toEqual([
      { nominationId: 'd', count: 1, averageHundredths: 9500, rank: 1 },
      { nominationId: 'a', count: 2, averageHundredths: 8775, rank: 2 },
      { nominationId: 'b', count: 2, averageHundredths: 8775, rank: 2 },
      { nominationId: 'c', count: 3, averageHundredths: 7000, rank: 4 },
      { nominationId: 'e', count: 0, averageHundredths: null, rank: null },
    ]);
    expect(shortlist(result, 2)).toEqual(['d', 'a', 'b']);
    expect(shortlist(result, 1)).toEqual(['d']);
  });

  it('rounds an average of x.xx5 up', () => {
    const [only] = aggregateScores(['a'], [{ nominationId: 'a', hundredths: 8001 }, { nominationId: 'a', hundredths: 8000 }]);
    expect(only.averageHundredths).toBe(8001); // 80.005 → 80.01
  });

  it('recuses a panel member from their own organization and declared conflicts only', () => {
    const member = { organizationId: 'own', conflictedOrganizationIds: ['rival'] };
    expect(recusalReason(member, { organizationId: 'own' })).toBe('OWN_ORGANIZATION');
    expect(recusalReason(member, { organizationId: 'rival' })).toBe('DECLARED_CONFLICT');
    expect(recusalReason(member, { organizationId: 'other' })).toBeNull();
    expect(recusalReason(member, { organizationId: null })).toBeNull();
    expect(recusalReason({ organizationId: null, conflictedOrganizationIds: [] }, { organizationId: 'own' })).toBeNull();
  });
});
