import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

const connectionNumbers = new WeakMap<object, number>();
let lastConnectionNumber = 0;

/**
 * Runs a hot statement as a named prepared statement: PostgreSQL parses and plans it once per
 * connection (and settles on a generic plan after five runs) instead of on every call; for a
 * one-signal batch write, parsing and planning were most of the server's work. TypeORM's `query`
 * only sends unnamed statements, so this borrows the pool's pg client directly.
 *
 * Each connection gets its own statement name, unique across processes too: the embedded server
 * shares one session between all connections of every process attached to it (and deallocates a
 * closed connection's statements). Errors are pg's own
 * (`code` on the error), not TypeORM's wrappers.
 */
export async function queryPrepared<T>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const client = (await runner.connect()) as PoolClient;
    let number = connectionNumbers.get(client);
    if (number === undefined) {
      number = ++lastConnectionNumber;
      connectionNumbers.set(client, number);
    }
    const result = await client.query<T & object>({ name: `${name}_${process.pid}_${number}`, text, values });
    return result.rows;
  } finally {
    await runner.release();
  }
}
