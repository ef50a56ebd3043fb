import { createHash } from 'node:crypto';
import type { AccessTokenVerifier, Identity } from '@app/auth';

export type CallerCredential =
  | { kind: 'anonymous' }
  | { kind: 'bearer'; token: string }
  | { kind: 'api-key'; key: string }
  | { kind: 'malformed'; reason: string };

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Reads the caller's credential: "Authorization: Bearer <token>", "Authorization: ApiKey <key>" or "X-API-Key: <key>". */
export function credentialOf(headers: Headers): CallerCredential {
  const apiKey = header(headers, 'x-api-key');
  if (apiKey) return { kind: 'api-key', key: apiKey.trim() };
  const authorization = header(headers, 'authorization');
  if (!authorization) return { kind: 'anonymous' };
  const [scheme, value] = authorization.trim().split(/\s+/, 2);
  if (!value) return { kind: 'malformed', reason: 'The Authorization header needs a scheme and a value.' };
  if (scheme.toLowerCase() === 'bearer') return { kind: 'bearer', token: value };
  if (scheme.toLowerCase() === 'apikey') return { kind: 'api-key', key: value };
  return { kind: 'malformed', reason: `Authorization scheme ${scheme} is not supported: use Bearer or ApiKey.` };
}

/** The key rate limits count against: the account, the API key (by hash), or else the address. */
export function rateLimitKeyOf(credential: CallerCredential, identity: Identity | undefined, address: string | undefined): string {
  if (identity) return `account:${identity.accountId}`;
  if (credential.kind === 'api-key') return `key:${createHash('sha256').update(credential.key).digest('hex').slice(0, 32)}`;
  return `ip:${address ?? 'unknown'}`;
}

export function verifyBearer(verifier: AccessTokenVerifier, credential: CallerCredential): Identity | undefined {
  return credential.kind === 'bearer' ? verifier.verify(credential.token) : undefined;
}
