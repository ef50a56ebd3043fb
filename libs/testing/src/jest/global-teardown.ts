import { stopTestInfrastructure, type TestInfrastructure } from '../test-infrastructure';

export default async function globalTeardown(): Promise<void> {
  const infrastructure = (globalThis as { __zilvInfrastructure?: TestInfrastructure }).__zilvInfrastructure;
  if (infrastructure) await stopTestInfrastructure(infrastructure);
}
