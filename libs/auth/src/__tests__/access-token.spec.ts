import { generateKeyPairSync, sign } from 'node:crypto';
import { AccessTokenSigner, AccessTokenVerifier, InvalidTokenError } from '../access-token';
import type { Identity } from '../identity';
import { Role } from '../role';

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const KEYS = keyPair();
const NOW = Date.UTC(2025, 0, 15, 9, 0, 0);
const IDENTITY: Identity = {
  accountId: 'acc-1',
  email: 'secretary@assoc.example',
  kind: 'PERSON',
  platformAdmin: false,
  grants: [
    { associationId: 'assoc-a', role: Role.SECRETARIAT },
    { associationId: 'assoc-a', role: Role.MEMBER_REP, organizationId: 'org-7' },
  ],
};

const signer = new AccessTokenSigner(KEYS.privateKeyPem);
const verifier = new AccessTokenVerifier(KEYS.publicKeyPem);

function b64(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

function expectRejected(token: string, now = NOW): void {
  expect(() => verifier.verify(token, now)).toThrow(InvalidTokenError);
}

describe('AccessTokenSigner / AccessTokenVerifier', () => {
  it('round-trips the identity', () => {
    const { token } = signer.sign(IDENTITY, 3600, NOW);
    expect(verifier.verify(token, NOW + 1000)).toEqual(IDENTITY);
  });

  it('issues a three-part EdDSA JWT with the account as subject', () => {
    const { token, expiresAt } = signer.sign(IDENTITY, 900, NOW);
    const [header] = token.split('.');
    expect(token.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'EdDSA', typ: 'JWT' });
    expect(claimsOf(token)).toMatchObject({ iss: 'zilv', aud: 'zilv', sub: 'acc-1', iat: NOW / 1000, exp: NOW / 1000 + 900 });
    expect(expiresAt).toEqual(new Date(NOW + 900_000));
  });

  it('rejects a token whose payload was changed', () => {
    const { token } = signer.sign(IDENTITY, 3600, NOW);
    const [header, , signature] = token.split('.');
    const claims = claimsOf(token) as { idn: Identity };
    const forged = b64({ ...claims, idn: { ...claims.idn, platformAdmin: true } });
    expectRejected(`${header}.${forged}.${signature}`);
  });

  it('rejects a token signed with another key', () => {
    const other = new AccessTokenSigner(keyPair().privateKeyPem);
    expectRejected(other.sign(IDENTITY, 3600, NOW).token);
  });

  it('rejects an expired token', () => {
    const { token } = signer.sign(IDENTITY, 60, NOW);
    expect(verifier.verify(token, NOW + 59_999).accountId).toBe('acc-1');
    expectRejected(token, NOW + 60_000);
    expectRejected(token, NOW + 3_600_000);
  });

  it('rejects alg "none" with no signature', () => {
    const payload = signer.sign(IDENTITY, 3600, NOW).token.split('.')[1];
    expectRejected(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`);
  });

  it.each([
    ['another algorithm', { alg: 'HS256', typ: 'JWT' }],
    ['the same fields reordered', { typ: 'JWT', alg: 'EdDSA' }],
    ['an extra key id', { alg: 'EdDSA', typ: 'JWT', kid: 'other' }],
  ])('rejects a header with %s even when the signature over it is valid', (_case, header) => {
    const payload = signer.sign(IDENTITY, 3600, NOW).token.split('.')[1];
    const body = `${b64(header)}.${payload}`;
    expectRejected(`${body}.${sign(null, Buffer.from(body), KEYS.privateKeyPem).toString('base64url')}`);
  });

  it('rejects malformed tokens', () => {
    const { token } = signer.sign(IDENTITY, 3600, NOW);
    const [header, payload, signature] = token.split('.');
    expectRejected('');
    expectRejected('not-a-token');
    expectRejected(`${header}.${payload}`);
    expectRejected(`${token}.extra`);
    expectRejected(`${header}.${payload}.`);
    expectRejected(`${header}.${payload}.${signature.slice(0, 20)}`);
  });

  it.each([
    ['another issuer', { iss: 'someone-else' }],
    ['another audience', { aud: 'other-app' }],
    ['no expiry', { exp: undefined }],
    ['no identity', { idn: undefined }],
    ['no grants', { idn: { email: null, kind: 'PERSON', platformAdmin: true } }],
  ])('rejects a correctly signed token with %s', (_case, override) => {
    const { token } = signer.sign(IDENTITY, 3600, NOW);
    const body = `${token.split('.')[0]}.${b64({ ...claimsOf(token), ...override })}`;
    const signature = sign(null, Buffer.from(body), KEYS.privateKeyPem).toString('base64url');
    expectRejected(`${body}.${signature}`);
  });

  it('refuses a signing key that is not Ed25519', () => {
    const ed448 = generateKeyPairSync('ed448').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => new AccessTokenSigner(ed448)).toThrow(/Ed25519/);
  });
});

describe('AccessTokenVerifier key', () => {
  it('refuses a verification key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(() => new AccessTokenVerifier(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())).toThrow(/Ed25519/);
  });

  it('refuses a value that is not a public key', () => {
    expect(() => new AccessTokenVerifier('not a key')).toThrow();
  });
});
