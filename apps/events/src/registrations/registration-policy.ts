/** Registration states. PENDING_APPROVAL, CONFIRMED and OFFERED hold a seat; WAITLISTED waits for one. */
export enum RegistrationStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  OFFERED = 'OFFERED',
  CANCELLED = 'CANCELLED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}

export const SEAT_HOLDING_STATUSES: readonly RegistrationStatus[] = [RegistrationStatus.PENDING_APPROVAL, RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED];
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = [...SEAT_HOLDING_STATUSES, RegistrationStatus.WAITLISTED];

export function holdsSeat(status: RegistrationStatus): boolean {
  return SEAT_HOLDING_STATUSES.includes(status);
}

export function isActive(status: RegistrationStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** Where a new registration lands: a free seat (subject to approval) or the waitlist. Capacity null = unlimited. */
export function placeNewRegistration(input: { capacity: number | null; seatsHeld: number; requiresApproval: boolean }): RegistrationStatus {
  const { capacity, seatsHeld, requiresApproval } = input;
  if (capacity !== null && seatsHeld >= capacity) return RegistrationStatus.WAITLISTED;
  return requiresApproval ? RegistrationStatus.PENDING_APPROVAL : RegistrationStatus.CONFIRMED;
}

/** How many seats can be offered to the waitlist now. */
export function seatsToOffer(input: { capacity: number | null; seatsHeld: number; waiting: number }): number {
  const free = input.capacity === null ? input.waiting : Math.max(0, input.capacity - input.seatsHeld);
  return Math.min(free, input.waiting);
}

export function offerDeadline(now: Date, offerMinutes: number): Date {
  return new Date(now.getTime() + offerMinutes * 60_000);
}

/** An offer can be accepted until its deadline (inclusive of the deadline's instant itself? no: strictly before). */
export function offerIsOpen(offerExpiresAt: Date, now: Date): boolean {
  return now.getTime() < offerExpiresAt.getTime();
}

/** What accepting an open offer turns into. */
export function statusOnAcceptingOffer(requiresApproval: boolean): RegistrationStatus {
  return requiresApproval ? RegistrationStatus.PENDING_APPROVAL : RegistrationStatus.CONFIRMED;
}

/** Cancellation is possible while the registration is active and the cut-off (if any) has not passed. */
export function cancellationAllowed(input: { status: RegistrationStatus; cutoffAt: Date | null; now: Date }): 'OK' | 'NOT_ACTIVE' | 'CUTOFF_PASSED' {
  if (!isActive(input.status)) return 'NOT_ACTIVE';
  if (input.cutoffAt && input.now.getTime() >= input.cutoffAt.getTime()) return 'CUTOFF_PASSED';
  return 'OK';
}

