import { startTestInfrastructure } from '../test-infrastructure';

export default async function globalSetup(): Promise<void> {
  (globalThis as { __zilvInfrastructure?: unknown }).__zilvInfrastructure = await startTestInfrastructure();
}
