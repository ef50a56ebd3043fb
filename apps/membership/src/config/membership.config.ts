import { createPrivateKey, createPublicKey } from 'node:crypto';
import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { DEFAULT_PORTS, PEM_PRIVATE, Secret, ServiceConfig } from '@app/config';

export class MembershipConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS.membership;

  /** Ed25519 private key (PEM) that signs access tokens. Only this service holds it. */
  @IsOptional()
  @Matches(PEM_PRIVATE, { message: 'AUTH_PRIVATE_KEY must be a PEM private key' })
  @Secret()
  AUTH_PRIVATE_KEY?: string;

  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  ACCESS_TOKEN_TTL_SECONDS: number = 3600;

  /** Tokens issued for an API key live briefly, so a revoked key stops working within this time. */
  @IsInt()
  @Min(30)
  @Max(3600)
  API_KEY_TOKEN_TTL_SECONDS: number = 300;

  /** Where the local-disk file storage keeps uploaded evidence (created when missing). */
  @IsString()
  @MinLength(1)
  ATTACHMENTS_DIR: string = '.data/attachments';

  /** Largest accepted upload, in bytes. */
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  ATTACHMENT_MAX_BYTES: number = 5 * 1024 * 1024;

  /** Days a public notice of admission (公示) stays open to objections. */
  @IsInt()
  @Min(1)
  @Max(90)
  PUBLIC_NOTICE_OBJECTION_DAYS: number = 7;

  /** Days after the paid-through date a GRACE membership has before it LAPSES. */
  @IsInt()
  @Min(0)
  @Max(365)
  DUES_GRACE_DAYS: number = 90;

  override validateCombination(): string[] {
    const problems = super.validateCombination();
    if (this.isProduction && !this.AUTH_PRIVATE_KEY) problems.push('AUTH_PRIVATE_KEY: required in production (development keys are refused)');
    if (this.AUTH_PRIVATE_KEY && this.AUTH_PUBLIC_KEY && !keysBelongTogether(this.AUTH_PRIVATE_KEY, this.AUTH_PUBLIC_KEY)) {
      problems.push('AUTH_PRIVATE_KEY: does not match AUTH_PUBLIC_KEY, so every token it signs would be refused');
    }
    return problems;
  }
}

function keysBelongTogether(privatePem: string, publicPem: string): boolean {
  try {
    const derived = createPublicKey(createPrivateKey(privatePem)).export({ type: 'spki', format: 'der' });
    return derived.equals(createPublicKey(publicPem).export({ type: 'spki', format: 'der' }));
  } catch {
    return false;
  }
}
