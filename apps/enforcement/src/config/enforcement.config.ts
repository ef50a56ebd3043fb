import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { DEFAULT_PORTS, Secret, ServiceConfig } from '@app/config';

export class EnforcementConfig extends ServiceConfig {
  override PORT = DEFAULT_PORTS.enforcement;

  /**
   * 32-byte key (base64 or 64 hex characters) that encrypts complainants' identities at rest
   * (AES-256-GCM). Required in production; elsewhere a key derived from the development signing key.
   */
  @IsOptional()
  @Matches(/^(?:[A-Za-z0-9+/]{43}=|[0-9a-fA-F]{64})$/, { message: 'COMPLAINANT_DATA_KEY must be 32 bytes in base64 or hex' })
  @Secret()
  COMPLAINANT_DATA_KEY?: string;

  /** Days after a case is closed before the complainant's identity is erased (the case itself is kept). */
  @IsInt()
  @Min(30)
  @Max(3650)
  COMPLAINT_RETENTION_DAYS: number = 730;

  override validateCombination(): string[] {
    const problems = super.validateCombination();
    if (this.isProduction && !this.COMPLAINANT_DATA_KEY) problems.push('COMPLAINANT_DATA_KEY: required in production (no development key is derived)');
    return problems;
  }
}
