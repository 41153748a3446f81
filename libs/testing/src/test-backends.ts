import { createConnection } from 'node:net';

/**
 * Which PostgreSQL and Redis the tests use: DATABASE_URL / REDIS_URL when given, else the
 * local servers when they answer, else none (the embedded PostgreSQL, and BullMQ on it).
 */
export interface TestBackends {
  /** A server URL (its `postgres` database); tests create their own databases on it. */
  postgresServerUrl?: string;
  redisUrl?: string;
  description: string;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

export async function detectTestBackends(env: NodeJS.ProcessEnv = process.env): Promise<TestBackends> {
  const postgresServerUrl =
    env.DATABASE_URL ?? ((await answers('127.0.0.1', 5432)) ? LOCAL_POSTGRES : undefined);
  const redisUrl = env.REDIS_URL ?? ((await answers('127.0.0.1', 6379)) ? LOCAL_REDIS : undefined);
  const description = [
    postgresServerUrl ? `PostgreSQL ${new URL(postgresServerUrl).host}` : 'embedded PostgreSQL (PGlite)',
    redisUrl ? `Redis ${new URL(redisUrl).host}` : 'BullMQ on PostgreSQL',
  ].join(' + ');
  return { postgresServerUrl, redisUrl, description };
}

function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}
