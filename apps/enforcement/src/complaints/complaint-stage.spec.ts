import { allowedDecisions, isOverdue, nextStage, replyWindowOpen, sanctionGradeProblem, stageDueOn, StageTransitionError, isFinalStage } from './complaint-stage';

describe('complaint stage machine', () => {
  it('runs received → investigation → finding → decided → closed', () => {
    expect(nextStage('RECEIVED', 'ADMIT')).toBe('INVESTIGATION');
    expect(nextStage('INVESTIGATION', 'RECORD_FINDING')).toBe('FINDING');
    expect(nextStage('FINDING', 'DECIDE')).toBe('DECIDED');
    expect(nextStage('DECIDED', 'CLOSE')).toBe('CLOSED');
    expect(nextStage('RECEIVED', 'NOT_ADMIT')).toBe('NOT_ADMITTED');
  });

  it('refuses skipping or going back, and nothing leaves a final stage', () => {
    expect(() => nextStage('RECEIVED', 'RECORD_FINDING')).toThrow(StageTransitionError);
    expect(() => nextStage('FINDING', 'ADMIT')).toThrow(StageTransitionError);
    expect(() => nextStage('INVESTIGATION', 'DECIDE')).toThrow(StageTransitionError);
    for (const action of ['ADMIT', 'NOT_ADMIT', 'RECORD_FINDING', 'DECIDE', 'CLOSE'] as const) {
      expect(() => nextStage('CLOSED', action)).toThrow(StageTransitionError);
      expect(() => nextStage('NOT_ADMITTED', action)).toThrow(StageTransitionError);
    }
    expect(isFinalStage('CLOSED')).toBe(true);
    expect(isFinalStage('DECIDED')).toBe(false);
  });

  it('allows a sanction only after a breach finding', () => {
    expect(allowedDecisions('BREACH')).toEqual(['SANCTION', 'DISMISSAL']);
    expect(allowedDecisions('NO_BREACH')).toEqual(['DISMISSAL']);
  });

  it('computes stage deadlines and overdue days', () => {
    expect(stageDueOn('RECEIVED', '2026-01-30')).toBe('2026-02-14');
    expect(stageDueOn('INVESTIGATION', '2026-01-01')).toBe('2026-03-02');
    expect(stageDueOn('DECIDED', '2026-12-20', { admissibilityDays: 1, investigationDays: 1, decisionDays: 1, replyDays: 1, appealDays: 20 })).toBe('2027-01-09');
    expect(stageDueOn('CLOSED', '2026-01-01')).toBeNull();
    expect(isOverdue('2026-02-14', '2026-02-14')).toBe(false);
    expect(isOverdue('2026-02-14', '2026-02-15')).toBe(true);
    expect(isOverdue(null, '2099-01-01')).toBe(false);
  });

  it('keeps the reply window open until the reply or the deadline', () => {
    expect(replyWindowOpen('2026-03-01', null, '2026-03-01')).toBe(true);
    expect(replyWindowOpen('2026-03-01', null, '2026-03-02')).toBe(false);
    expect(replyWindowOpen('2026-03-01', new Date(), '2026-02-01')).toBe(false);
  });

  it('grades sanctions as the execution chapter says', () => {
    expect(sanctionGradeProblem('CRITICISM', false, 'INTERNAL')).toBeNull();
    expect(sanctionGradeProblem('REVOCATION', false, 'PUBLIC')).toMatch(/adverse/);
    expect(sanctionGradeProblem('REVOCATION', true, 'PUBLIC')).toBeNull();
    expect(sanctionGradeProblem('INTERNAL_CIRCULAR', true, 'PUBLIC')).toMatch(/inside/);
    expect(sanctionGradeProblem('MEDIA_EXPOSURE', false, 'INTERNAL')).toMatch(/public/);
  });
});
