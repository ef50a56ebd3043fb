import { maskEmail, maskName, maskPhone } from '@app/common';
import {
  RegistrationStatus,
  cancellationAllowed,
  holdsSeat,
  offerDeadline,
  offerIsOpen,
  placeNewRegistration,
  seatsToOffer,
  statusOnAcceptingOffer,
} from './registration-policy';

describe('registration and waitlist rules', () => {
  it('confirms while seats are free, waitlists once full, and asks for approval when the event needs it', () => {
    expect(placeNewRegistration({ capacity: 2, seatsHeld: 1, requiresApproval: false })).toBe(RegistrationStatus.CONFIRMED);
    expect(placeNewRegistration({ capacity: 2, seatsHeld: 2, requiresApproval: false })).toBe(RegistrationStatus.WAITLISTED);
    expect(placeNewRegistration({ capacity: 2, seatsHeld: 0, requiresApproval: true })).toBe(RegistrationStatus.PENDING_APPROVAL);
    expect(placeNewRegistration({ capacity: null, seatsHeld: 10_000, requiresApproval: false })).toBe(RegistrationStatus.CONFIRMED);
  });

  it('offers, pending approval and confirmed registrations hold a seat; the waitlist does not', () => {
    expect(holdsSeat(RegistrationStatus.OFFERED)).toBe(true);
    expect(holdsSeat(RegistrationStatus.PENDING_APPROVAL)).toBe(true);
    expect(holdsSeat(RegistrationStatus.WAITLISTED)).toBe(false);
    expect(holdsSeat(RegistrationStatus.EXPIRED)).toBe(false);
  });

  it('offers only free seats, and no more than are waiting', () => {
    expect(seatsToOffer({ capacity: 5, seatsHeld: 3, waiting: 10 })).toBe(2);
    expect(seatsToOffer({ capacity: 5, seatsHeld: 3, waiting: 1 })).toBe(1);
    expect(seatsToOffer({ capacity: 5, seatsHeld: 5, waiting: 4 })).toBe(0);
    expect(seatsToOffer({ capacity: 5, seatsHeld: 7, waiting: 4 })).toBe(0);
  });

  it('an offer is open until its deadline and lapses at it', () => {
    const now = new Date('2026-11-01T08:00:00Z');
    const deadline = offerDeadline(now, 30);
    expect(deadline.toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(offerIsOpen(deadline, new Date('2026-11-01T08:29:59.999Z'))).toBe(true);
    expect(offerIsOpen(deadline, deadline)).toBe(false);
    expect(statusOnAcceptingOffer(false)).toBe(RegistrationStatus.CONFIRMED);
    expect(statusOnAcceptingOffer(true)).toBe(RegistrationStatus.PENDING_APPROVAL);
  });

  it('cancellation closes at the cut-off and needs an active registration', () => {
    const cutoffAt = new Date('2026-11-10T00:00:00Z');
    expect(cancellationAllowed({ status: RegistrationStatus.CONFIRMED, cutoffAt, now: new Date('2026-11-09T23:59:59Z') })).toBe('OK');
    expect(cancellationAllowed({ status: RegistrationStatus.CONFIRMED, cutoffAt, now: cutoffAt })).toBe('CUTOFF_PASSED');
    expect(cancellationAllowed({ status: RegistrationStatus.WAITLISTED, cutoffAt: null, now: cutoffAt })).toBe('OK');
    expect(cancellationAllowed({ status: RegistrationStatus.CANCELLED, cutoffAt: null, now: cutoffAt })).toBe('NOT_ACTIVE');
  });

  it('masks contact data and names for lists', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskEmail('zhang.san@example.org')).toBe('z***@example.org');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳明月')).toBe('欧**月');
    expect(maskName('John Smith')).toBe('J***');
    expect(maskPhone(null)).toBeNull();
  });
});
