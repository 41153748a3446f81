/**
 * Some tests need a real PostgreSQL server and a redis-server binary (to stop "Redis" under a
 * running app). Where the machine has neither, they are reported as skipped with the reason,
 * never silently passed.
 */
export const realBackends = {
  postgresServerUrl: process.env.TEST_POSTGRES_SERVER_URL || undefined,
  redisUrl: process.env.TEST_REDIS_URL || undefined,
  databaseUrl: process.env.TEST_DATABASE_URL || undefined,
};

export function describeWithRealBackends(name: string, body: () => void): void {
  if (realBackends.postgresServerUrl && realBackends.redisUrl) {
    describe(name, body);
  } else {
    describe.skip(`${name} (skipped: needs a PostgreSQL server and Redis)`, body);
  }
}
