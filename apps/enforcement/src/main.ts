import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { exitOnStartupFailure, startService } from '@app/subgraph';
import { EnforcementAppModule } from './app.module';
import { EnforcementConfig } from './config/enforcement.config';

async function main(): Promise<void> {
  const config = loadConfig(EnforcementConfig);
  await startService(EnforcementAppModule.forRoot(config), config, 'enforcement');
}

main().catch(exitOnStartupFailure('enforcement'));
