import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '@app/config';
import { GatewayConfig } from '../gateway.config';

const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
const base = { DATABASE_URL: 'postgres://u@db/zilv', REDIS_URL: 'redis://redis:6379', AUTH_PUBLIC_KEY: publicKey };
const subgraphs = {
  SUBGRAPH_MEMBERSHIP_URL: 'http://membership:3001/graphql',
  SUBGRAPH_ENFORCEMENT_URL: 'http://enforcement:3002/graphql',
  SUBGRAPH_STANDARDS_URL: 'http://standards:3003/graphql',
  SUBGRAPH_EVENTS_URL: 'http://events:3004/graphql',
};

describe('GatewayConfig', () => {
  it('requires every subgraph URL: none defaults to this machine', () => {
    expect(() => loadConfig(GatewayConfig, { ...base, SUBGRAPH_MEMBERSHIP_URL: subgraphs.SUBGRAPH_MEMBERSHIP_URL })).toThrow(/SUBGRAPH_ENFORCEMENT_URL[\s\S]*SUBGRAPH_EVENTS_URL/);
    expect(loadConfig(GatewayConfig, { ...base, ...subgraphs, NODE_ENV: 'production' }).SUBGRAPH_EVENTS_URL).toBe(subgraphs.SUBGRAPH_EVENTS_URL);
  });
});
