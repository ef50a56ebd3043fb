import { ensureDevelopmentKeys } from '@app/config';
import type { EnforcementConfig } from '../config/enforcement.config';
import { ComplainantCipher, deriveDevelopmentDataKey, parseDataKey } from './complainant-cipher';

/** The cipher from COMPLAINANT_DATA_KEY, or outside production from the development signing key. */
export function complainantCipherFor(config: EnforcementConfig): ComplainantCipher {
  if (config.COMPLAINANT_DATA_KEY) {
    const key = parseDataKey(config.COMPLAINANT_DATA_KEY);
    if (!key) throw new Error('COMPLAINANT_DATA_KEY must be 32 bytes in base64 or hex');
    return new ComplainantCipher(key);
  }
  if (config.isProduction) throw new Error('COMPLAINANT_DATA_KEY is required in production');
  return new ComplainantCipher(deriveDevelopmentDataKey(ensureDevelopmentKeys().privateKeyPem));
}
