import type { EntityManager } from 'typeorm';

/**
 * The `signal` table is range-partitioned by `occurred_at`, one partition per UTC day, plus one
 * `signal_history` partition (MINVALUE → the day of the first migration) for backfills of old events.
 * There is no DEFAULT partition on purpose: attaching a new day next to a DEFAULT partition makes
 * PostgreSQL scan (and lock) all of it; instead, days are created ahead by a scheduled job, and a
 * signal may be at most 5 minutes in the future, so "today and tomorrow exist" is all an insert needs.
 */
const DAY_MS = 86_400_000;

export function utcDayStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

function partitionName(day: Date): string {
  return `signal_p${day.toISOString().slice(0, 10).replace(/-/g, '')}`;
}

/** Serialises partition DDL between replicas (any constant will do; it only has to be shared). */
const PARTITION_LOCK_KEY = 716_402_001;

/**
 * Creates the daily partitions from the day of `from` through `daysAhead` days after it, in one
 * transaction under an advisory lock so that replicas doing it at once do not collide. Days before
 * the history partition's bound already have a home and are skipped. Returns the names created.
 */
export async function ensureSignalPartitions(manager: EntityManager, from: Date, daysAhead: number): Promise<string[]> {
  await manager.query(`SELECT pg_advisory_xact_lock($1)`, [PARTITION_LOCK_KEY]);
  const existing: { name: string }[] = await manager.query(
    `SELECT c.relname AS name FROM pg_inherits i
     JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
     WHERE p.relname = 'signal'`,
  );
  const names = new Set(existing.map((row) => row.name));
  const historyBound: { bound: Date | null }[] = await manager.query(
    `SELECT (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1]::timestamptz AS bound
     FROM pg_class c WHERE c.relname = 'signal_history'`,
  );
  const firstDay = historyBound[0]?.bound ? new Date(historyBound[0].bound) : null;
  const created: string[] = [];
  const start = utcDayStart(from);
  for (let offset = 0; offset <= daysAhead; offset++) {
    const day = new Date(start.getTime() + offset * DAY_MS);
    if (firstDay && day < firstDay) continue;
    const name = partitionName(day);
    if (names.has(name)) continue;
    const next = new Date(day.getTime() + DAY_MS);
    await manager.query(
      `CREATE TABLE ${name} PARTITION OF signal FOR VALUES FROM ('${day.toISOString()}') TO ('${next.toISOString()}')`,
    );
    created.push(name);
  }
  return created;
}
