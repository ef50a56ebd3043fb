import { drawFromSeed, isEligibleForPanel, newDrawSeed, type DrawCandidate } from './panel-draw';

const candidate = (over: Partial<DrawCandidate> = {}): DrawCandidate => ({
  id: 'e1',
  fields: ['数据安全'],
  appointedOn: '2024-01-01',
  termEndsOn: '2026-12-31',
  endedOn: null,
  conflictedOrganizationIds: ['org-employer'],
  ...over,
});
const criteria = { onDate: '2025-06-01', field: '数据安全', excludeOrganizationIds: ['org-judged'] };

describe('expert panel draw', () => {
  it('leaves out experts out of office, outside the field or conflicted (the employer counts)', () => {
    expect(isEligibleForPanel(candidate(), criteria)).toBe(true);
    expect(isEligibleForPanel(candidate({ termEndsOn: '2025-05-31' }), criteria)).toBe(false);
    expect(isEligibleForPanel(candidate({ appointedOn: '2025-06-02' }), criteria)).toBe(false);
    expect(isEligibleForPanel(candidate({ endedOn: '2025-06-01' }), criteria)).toBe(false);
    expect(isEligibleForPanel(candidate({ endedOn: '2025-06-02' }), criteria)).toBe(true);
    expect(isEligibleForPanel(candidate({ fields: ['网络安全'] }), criteria)).toBe(false);
    expect(isEligibleForPanel(candidate({ fields: ['网络安全'] }), { ...criteria, field: null })).toBe(true);
    expect(isEligibleForPanel(candidate(), { ...criteria, excludeOrganizationIds: ['org-employer'] })).toBe(false);
    expect(isEligibleForPanel(candidate({ conflictedOrganizationIds: ['org-judged'] }), criteria)).toBe(false);
  });

  it('draws distinct ids reproducibly from the seed, and differently from another seed', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `expert-${i}`);
    const seed = newDrawSeed();
    expect(seed).toMatch(/^[0-9a-f]{64}$/);
    const drawn = drawFromSeed(ids, 5, seed);
    expect(new Set(drawn).size).toBe(5);
    expect(drawn.every((id) => ids.includes(id))).toBe(true);
    expect(drawFromSeed([...ids].reverse(), 5, seed)).toEqual(drawn);
    const others = Array.from({ length: 5 }, () => drawFromSeed(ids, 5, newDrawSeed()).join());
    expect(others.some((other) => other !== drawn.join())).toBe(true);
  });
});
