import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { exitOnStartupFailure, startService } from '@app/subgraph';
import { StandardsAppModule } from './app.module';
import { StandardsConfig } from './config/standards.config';

async function main(): Promise<void> {
  const config = loadConfig(StandardsConfig);
  await startService(StandardsAppModule.forRoot(config), config, 'standards');
}

main().catch(exitOnStartupFailure('standards'));
