import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { Identity } from './identity';

const ISSUER = 'zilv';
const AUDIENCE = 'zilv';
const HEADER = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'JWT' })).toString('base64url');

export interface AccessTokenClaims {
  iss: string;
  aud: string;
  sub: string;
  iat: number;
  exp: number;
  jti?: string;
  /** The identity the subgraphs act on. */
  idn: Omit<Identity, 'accountId'>;
}

export class InvalidTokenError extends Error {}

/** Signs access tokens (EdDSA over Ed25519, JWT format). Only membership holds the private key. */
export class AccessTokenSigner {
  private readonly key: KeyObject;

  constructor(privateKeyPem: string) {
    this.key = createPrivateKey(privateKeyPem);
    if (this.key.asymmetricKeyType !== 'ed25519') throw new Error('AUTH_PRIVATE_KEY must be an Ed25519 key');
  }

  sign(identity: Identity, ttlSeconds: number, now = Date.now()): { token: string; expiresAt: Date } {
    const iat = Math.floor(now / 1000);
    const { accountId, ...rest } = identity;
    const claims: AccessTokenClaims = { iss: ISSUER, aud: AUDIENCE, sub: accountId, iat, exp: iat + ttlSeconds, idn: rest };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    const signature = sign(null, Buffer.from(body), this.key).toString('base64url');
    return { token: `${body}.${signature}`, expiresAt: new Date(claims.exp * 1000) };
  }
}

/** Verifies access tokens with the public key alone: every service checks tokens itself. */
export class AccessTokenVerifier {
  private readonly key: KeyObject;

  constructor(publicKeyPem: string) {
    this.key = createPublicKey(publicKeyPem);
    if (this.key.asymmetricKeyType !== 'ed25519') throw new Error('AUTH_PUBLIC_KEY must be an Ed25519 key');
  }

  verify(token: string, now = Date.now()): Identity {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) throw new InvalidTokenError('malformed token');
    const valid = verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), this.key, Buffer.from(parts[2], 'base64url'));
    if (!valid) throw new InvalidTokenError('bad signature');
    let claims: AccessTokenClaims;
    try {
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as AccessTokenClaims;
    } catch {
      throw new InvalidTokenError('malformed claims');
    }
    if (claims.iss !== ISSUER || claims.aud !== AUDIENCE) throw new InvalidTokenError('wrong issuer or audience');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) throw new InvalidTokenError('expired');
    if (!claims.idn || !Array.isArray(claims.idn.grants)) throw new InvalidTokenError('no identity');
    return { accountId: claims.sub, ...claims.idn };
  }
}
