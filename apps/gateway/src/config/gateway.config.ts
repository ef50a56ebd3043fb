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

  /** Where each subgraph answers GraphQL. No defaults: a forgotten one must stop the start, not point at nothing. */
  @Matches(HTTP_URL)
  SUBGRAPH_MEMBERSHIP_URL: string;

  @Matches(HTTP_URL)
  SUBGRAPH_ENFORCEMENT_URL: string;

  @Matches(HTTP_URL)
  SUBGRAPH_STANDARDS_URL: string;

  @Matches(HTTP_URL)
  SUBGRAPH_EVENTS_URL: string;

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

  /** How long the rate limiter waits for Redis before letting the request through uncounted (fail open). */
  @IsInt()
  @Min(10)
  @Max(5000)
  RATE_LIMIT_REDIS_TIMEOUT_MS: number = 200;

  /** How long the REST layer reuses the token an API key was exchanged for. */
  @IsInt()
  @Min(0)
  @Max(300)
  API_KEY_TOKEN_CACHE_SECONDS: number = 30;
}
