import { ActionOwner, STANDARD_LIFECYCLE, StandardState, transitionKind } from './standard-lifecycle';

const S = StandardState;
const ALL = Object.values(StandardState);
const PRE = [S.PROPOSED, S.PROJECT_REVIEW, S.APPROVED_PROJECT, S.DRAFTING, S.PUBLIC_COMMENT, S.COMMENT_RESOLUTION, S.TECHNICAL_REVIEW, S.APPROVAL_PENDING];

/** Every allowed move, written out independently of the data so a change to either is noticed. */
const ALLOWED: Array<[StandardState, StandardState, string]> = [
  [S.PROPOSED, S.PROJECT_REVIEW, 'FORWARD'],
  [S.PROJECT_REVIEW, S.APPROVED_PROJECT, 'FORWARD'],
  [S.PROJECT_REVIEW, S.PROPOSED, 'BACK'],
  [S.APPROVED_PROJECT, S.DRAFTING, 'FORWARD'],
  [S.DRAFTING, S.PUBLIC_COMMENT, 'FORWARD'],
  [S.PUBLIC_COMMENT, S.COMMENT_RESOLUTION, 'FORWARD'],
  [S.COMMENT_RESOLUTION, S.TECHNICAL_REVIEW, 'FORWARD'],
  [S.COMMENT_RESOLUTION, S.DRAFTING, 'BACK'],
  [S.TECHNICAL_REVIEW, S.APPROVAL_PENDING, 'FORWARD'],
  [S.TECHNICAL_REVIEW, S.DRAFTING, 'BACK'],
  [S.APPROVAL_PENDING, S.PUBLISHED, 'FORWARD'],
  [S.APPROVAL_PENDING, S.TECHNICAL_REVIEW, 'BACK'],
  [S.PUBLISHED, S.UNDER_REVIEW, 'FORWARD'],
  [S.UNDER_REVIEW, S.PUBLISHED, 'FORWARD'],
  [S.UNDER_REVIEW, S.REVISION, 'FORWARD'],
  [S.UNDER_REVIEW, S.WITHDRAWN, 'FORWARD'],
  [S.REVISION, S.WITHDRAWN, 'FORWARD'],
  ...PRE.flatMap((state): Array<[StandardState, StandardState, string]> => [
    [state, S.TERMINATED, 'EXIT'],
    [state, S.ON_HOLD, 'EXIT'],
    [S.ON_HOLD, state, 'RESUME'],
  ]),
  [S.ON_HOLD, S.TERMINATED, 'EXIT'],
];

describe('the standard lifecycle graph', () => {
  const allowed = new Map(ALLOWED.map(([from, to, kind]) => [`${from}>${to}`, kind]));

  it.each(ALL.flatMap((from) => ALL.map((to) => [from, to] as const)))('%s → %s is allowed exactly when listed', (from, to) => {
    expect(transitionKind(from, to)).toBe(allowed.get(`${from}>${to}`) ?? null);
  });

  it('keeps the ISO harmonized stage codes beside the states', () => {
    const codes = Object.fromEntries(STANDARD_LIFECYCLE.map((s) => [s.state, s.isoStageCode]));
    expect(codes).toEqual({
      PROPOSED: '00.00',
      PROJECT_REVIEW: '10.20',
      APPROVED_PROJECT: '20.00',
      DRAFTING: '20.20',
      PUBLIC_COMMENT: '40.20',
      COMMENT_RESOLUTION: '40.60',
      TECHNICAL_REVIEW: '50.20',
      APPROVAL_PENDING: '50.60',
      PUBLISHED: '60.60',
      UNDER_REVIEW: '90.20',
      REVISION: '90.92',
      WITHDRAWN: '95.99',
      TERMINATED: null,
      ON_HOLD: null,
    });
  });

  it('names who owes the next action in every state, nobody in final ones', () => {
    for (const stage of STANDARD_LIFECYCLE) {
      if (stage.next.length === 0) expect(stage.actionOwner).toBe(ActionOwner.NONE);
    }
    expect(STANDARD_LIFECYCLE.find((s) => s.state === S.PROJECT_REVIEW)!.actionOwner).toBe(ActionOwner.BALLOT);
    expect(STANDARD_LIFECYCLE.find((s) => s.state === S.DRAFTING)!.actionOwner).toBe(ActionOwner.WORKING_GROUP);
  });

  it('marks exactly the states before publication, and nothing after publication can be terminated or put on hold', () => {
    expect(STANDARD_LIFECYCLE.filter((s) => s.beforePublication).map((s) => s.state)).toEqual(PRE);
    for (const state of [S.PUBLISHED, S.UNDER_REVIEW, S.REVISION, S.WITHDRAWN]) {
      expect(transitionKind(state, S.TERMINATED)).toBeNull();
      expect(transitionKind(state, S.ON_HOLD)).toBeNull();
    }
  });
});
