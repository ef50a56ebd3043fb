import { applyDecorators } from '@nestjs/common';
import { Matches } from 'class-validator';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** class-validator: an ISO calendar date `YYYY-MM-DD`. */
export function IsCalendarDate(): PropertyDecorator {
  return applyDecorators(Matches(ISO_DATE, { message: '$property must be a calendar date written YYYY-MM-DD' }));
}

/** Whether the closed ranges [aStart, aEnd] and [bStart, bEnd] share a day; a null end is open. */
export function rangesOverlap(aStart: string, aEnd: string | null, bStart: string, bEnd: string | null): boolean {
  return (aEnd === null || bStart <= aEnd) && (bEnd === null || aStart <= bEnd);
}

/** Whether `date` lies within [start, end]; a null end is open. */
export function covers(start: string, end: string | null, date: string): boolean {
  return start <= date && (end === null || date <= end);
}
