import { execFileSync } from 'node:child_process';
import { createTestDatabase, detectTestBackends, REPO_ROOT } from '@tns/testing';

/**
 * Once per `npm test`: say which back ends the run uses, create and migrate the run's
 * database, and build the apps that e2e tests start as processes.
 */
export default async function globalSetup(): Promise<void> {
  const backends = await detectTestBackends();
  process.stdout.write(`\nTests run on: ${backends.description}\n`);
  process.env.TEST_REDIS_URL = backends.redisUrl ?? '';
  process.env.TEST_POSTGRES_SERVER_URL = backends.postgresServerUrl ?? '';
  if (backends.postgresServerUrl) {
    const database = await createTestDatabase(backends.postgresServerUrl, 'tns_test_run');
    await database.dataSource.destroy();
    process.env.TEST_DATABASE_URL = database.url;
    (globalThis as { __testDatabase?: typeof database }).__testDatabase = database;
  }
  execFileSync('npm', ['run', '-s', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
