import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '@tns/database';

/** A fresh, migrated database on a real server, dropped at the end. */
export interface TestDatabase {
  url: string;
  name: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

export async function createTestDatabase(serverUrl: string, prefix = 'tns_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await withDatabase(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = databaseUrl(serverUrl, name);
  const dataSource = await createDataSource({ url, poolSize: 5, applicationName: 'tns-test' }).initialize();
  await runMigrations(dataSource);
  return {
    url,
    name,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withDatabase(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on a connection of its own to the database at `url`, closed afterwards. */
export async function withDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The `n` column of the first row of `sql` (a `count(*) AS n`), as a number. */
export async function countRows(dataSource: DataSource, sql: string, params: unknown[] = []): Promise<number> {
  const rows: { n: string }[] = await dataSource.query(sql, params);
  return Number(rows[0]?.n ?? 0);
}
