import { MEMBERSHIP_TRANSITIONS, assertTransition, canTransition } from './membership-state-machine';

describe('membership state machine', () => {
  it('admission: PENDING becomes ACTIVE on payment, or NONE when the admission is reversed', () => {
    expect(canTransition('PENDING', 'ACTIVE')).toBe(true);
    expect(canTransition('PENDING', 'NONE')).toBe(true);
    expect(canTransition('PENDING', 'GRACE')).toBe(false);
    expect(canTransition('PENDING', 'LAPSED')).toBe(false);
  });

  it('dues: ACTIVE → GRACE → LAPSED, and payment brings GRACE or LAPSED back to ACTIVE', () => {
    expect(canTransition('ACTIVE', 'GRACE')).toBe(true);
    expect(canTransition('GRACE', 'LAPSED')).toBe(true);
    expect(canTransition('ACTIVE', 'LAPSED')).toBe(false);
    expect(canTransition('GRACE', 'ACTIVE')).toBe(true);
    expect(canTransition('LAPSED', 'ACTIVE')).toBe(true);
  });

  it('withdrawal, expulsion and reversal are final', () => {
    for (const end of ['WITHDRAWN', 'EXPELLED', 'NONE'] as const) {
      expect(MEMBERSHIP_TRANSITIONS[end]).toEqual([]);
      expect(() => assertTransition(end, 'ACTIVE')).toThrow(expect.objectContaining({ reason: 'INVALID_STATUS_TRANSITION' }));
    }
  });

  it('suspension is lifted to ACTIVE or ends in expulsion; it is not reachable from PENDING', () => {
    expect(canTransition('SUSPENDED', 'ACTIVE')).toBe(true);
    expect(canTransition('SUSPENDED', 'EXPELLED')).toBe(true);
    expect(canTransition('PENDING', 'SUSPENDED')).toBe(false);
  });

  it('refuses a move to the same status with STATUS_UNCHANGED and names the allowed moves otherwise', () => {
    expect(() => assertTransition('ACTIVE', 'ACTIVE')).toThrow(expect.objectContaining({ reason: 'STATUS_UNCHANGED' }));
    try {
      assertTransition('PENDING', 'EXPELLED');
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as { details: unknown }).details).toEqual({ from: 'PENDING', to: 'EXPELLED', allowed: ['ACTIVE', 'WITHDRAWN', 'NONE'] });
    }
  });

  it('every status is covered and every target is a known status', () => {
    const statuses = Object.keys(MEMBERSHIP_TRANSITIONS);
    expect(statuses.sort()).toEqual(['ACTIVE', 'EXPELLED', 'GRACE', 'LAPSED', 'NONE', 'PENDING', 'SUSPENDED', 'WITHDRAWN']);
    for (const targets of Object.values(MEMBERSHIP_TRANSITIONS)) for (const target of targets) expect(statuses).toContain(target);
  });
});
