import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { CommonConfig, DEFAULT_PORTS, Secret } from '@app/config';

const HTTP_URL = /^https?:\/\/[^\s]+$/;

export class GatewayConfig extends CommonConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = DEFAULT_PORTS.gateway;

  /** Checked by /health/ready only: the gateway itself keeps no data. */
  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  @Secret()
  DATABASE_URL: string;

  @Matches(HTTP_URL)
  SUBGRAPH_MEMBERSHIP_URL: string = `http://127.0.0.1:${DEFAULT_PORTS.membership}/graphql`;

  @Matches(HTTP_URL)
  SUBGRAPH_ENFORCEMENT_URL: string = `http://127.0.0.1:${DEFAULT_PORTS.enforcement}/graphql`;

  @Matches(HTTP_URL)
  SUBGRAPH_STANDARDS_URL: string = `http://127.0.0.1:${DEFAULT_PORTS.standards}/graphql`;

  @Matches(HTTP_URL)
  SUBGRAPH_EVENTS_URL: string = `http://127.0.0.1:${DEFAULT_PORTS.events}/graphql`;

  /** `file`: the checked-in supergraph (production); `compose`: introspect the running subgraphs (development). */
  @IsIn(['file', 'compose'])
  SUPERGRAPH_SOURCE: 'file' | 'compose' = 'file';

  @IsString()
  SUPERGRAPH_FILE: string = 'schema/supergraph.graphql';

  @IsInt()
  @Min(2)
  @Max(50)
  MAX_QUERY_DEPTH: number = 12;

  @IsInt()
  @Min(0)
  @Max(200)
  MAX_ALIASES: number = 30;

  @IsInt()
  @Min(10)
  MAX_QUERY_COST: number = 20_000;

  /** Requests per client per minute (GraphQL and REST together). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE: number = 600;

  /** How long the REST layer reuses the token an API key was exchanged for. */
  @IsInt()
  @Min(0)
  @Max(300)
  API_KEY_TOKEN_CACHE_SECONDS: number = 30;

  /** Production must name its subgraphs: the loopback defaults would quietly point at nothing. */
  override validateCombination(): string[] {
    const problems = super.validateCombination();
    if (this.isProduction) {
      for (const key of ['SUBGRAPH_MEMBERSHIP_URL', 'SUBGRAPH_ENFORCEMENT_URL', 'SUBGRAPH_STANDARDS_URL', 'SUBGRAPH_EVENTS_URL'] as const) {
        if (this[key].includes('://127.0.0.1:')) problems.push(`${key}: set it in production (the default points at this machine)`);
      }
    }
    return problems;
  }
}
