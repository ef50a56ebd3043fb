import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { exitOnStartupFailure, startService } from '@app/subgraph';
import { MembershipAppModule } from './app.module';
import { MembershipConfig } from './config/membership.config';

async function main(): Promise<void> {
  const config = loadConfig(MembershipConfig);
  await startService(MembershipAppModule.forRoot(config), config, 'membership');
}

main().catch(exitOnStartupFailure('membership'));
