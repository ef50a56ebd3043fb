import { WeakPasswordError } from './identity.exception';

/** The demo data's published password: accepted in development, refused in production. */
export const DEMO_PASSWORD = 'zilv-demo';

export function assertAcceptablePassword(password: string, production: boolean): void {
  if (password.length < 8) throw new WeakPasswordError('Use at least 8 characters.');
  if (password.length > 200) throw new WeakPasswordError('Use at most 200 characters.');
  if (production && password === DEMO_PASSWORD) throw new WeakPasswordError('The demo password is published and cannot be used in production.');
}
