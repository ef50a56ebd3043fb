import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { exitOnStartupFailure, startService } from '@app/subgraph';
import { EventsAppModule } from './app.module';
import { EventsConfig } from './config/events.config';

async function main(): Promise<void> {
  const config = loadConfig(EventsConfig);
  await startService(EventsAppModule.forRoot(config), config, 'events');
}

main().catch(exitOnStartupFailure('events'));
