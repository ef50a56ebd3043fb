import { AgendaItemKind, AgendaItemStatus, decide, quorumStatus, resultLabel, ruleForKind } from './resolution-rules';

const roll = Array.from({ length: 9 }, (_, i) => `seat-${i + 1}`);
const at = new Date('2026-11-20T02:00:00Z');
const yes = (ids: string[]) => ids.map((voterId) => ({ voterId, position: 'YES' as const }));
const no = (ids: string[]) => ids.map((voterId) => ({ voterId, position: 'NO' as const }));

describe('quorum and resolution rules', () => {
  it('uses a simple majority for ordinary items and two thirds for charter and convention matters', () => {
    expect(ruleForKind(AgendaItemKind.GENERAL).name).toBe('COUNCIL_ORDINARY');
    expect(ruleForKind(AgendaItemKind.ELECTION).name).toBe('COUNCIL_ORDINARY');
    expect(ruleForKind(AgendaItemKind.CHARTER).name).toBe('COUNCIL_SPECIAL');
    expect(ruleForKind(AgendaItemKind.CONVENTION).name).toBe('COUNCIL_SPECIAL');
  });

  it('needs two thirds of the electorate present for a quorum', () => {
    expect(quorumStatus(ruleForKind(AgendaItemKind.GENERAL), roll, roll.slice(0, 5), at).quorumMet).toBe(false);
    const met = quorumStatus(ruleForKind(AgendaItemKind.GENERAL), roll, roll.slice(0, 6), at);
    expect(met.quorumMet).toBe(true);
    expect(met.quorumRequired).toBe(6);
  });

  it('ignores attendees who are not on the roll', () => {
    expect(quorumStatus(ruleForKind(AgendaItemKind.GENERAL), roll, [...roll.slice(0, 5), 'observer'], at).quorumMet).toBe(false);
  });

  it('without a quorum nothing passes, even unanimously', () => {
    const present = roll.slice(0, 5);
    const outcome = decide(ruleForKind(AgendaItemKind.GENERAL), roll, present, yes(present), at);
    expect(outcome.passed).toBe(false);
    expect(outcome.thresholdMet).toBe(true);
  });

  it('a simple majority of those present carries an ordinary item; 4 of 7 fails a charter item, 5 of 7 carries it', () => {
    const present = roll.slice(0, 7);
    expect(decide(ruleForKind(AgendaItemKind.GENERAL), roll, present, [...yes(present.slice(0, 4)), ...no(present.slice(4))], at).passed).toBe(true);
    expect(decide(ruleForKind(AgendaItemKind.CHARTER), roll, present, [...yes(present.slice(0, 4)), ...no(present.slice(4))], at).passed).toBe(false);
    expect(decide(ruleForKind(AgendaItemKind.CHARTER), roll, present, [...yes(present.slice(0, 5)), ...no(present.slice(5))], at).passed).toBe(true);
  });

  it('abstentions and silence of those present count against under "of those present"', () => {
    const present = roll.slice(0, 8);
    expect(decide(ruleForKind(AgendaItemKind.GENERAL), roll, present, yes(present.slice(0, 4)), at).passed).toBe(false);
    expect(decide(ruleForKind(AgendaItemKind.GENERAL), roll, present, yes(present.slice(0, 5)), at).passed).toBe(true);
  });

  it('labels results as the minutes state them', () => {
    expect(resultLabel(AgendaItemStatus.ADOPTED)).toBe('审议通过');
    expect(resultLabel(AgendaItemStatus.REJECTED)).toBe('未通过');
    expect(resultLabel(AgendaItemStatus.VOTING)).toBeNull();
  });
});
