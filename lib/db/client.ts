import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { db?: Db; pools?: Set<pg.Pool> };

export function createDb(connectionString: string, options: { connections?: number } = {}): Db {
  // The pool is made here, not by the adapter, so that its connection counts can be reported
  // (poolStats); the adapter still ends it on $disconnect.
  const pool = new pg.Pool({ connectionString, max: options.connections ?? 10 });
  (globalForDb.pools ??= new Set()).add(pool);
  // Commands on one case queue on its row lock: give a waiting transaction room before it fails.
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
  });
}

/**
 * The connections of this process's open database pools, summed: `total` open, `idle` of them,
 * and `waiting` queries queued for a free connection. For the metrics endpoint.
 */
export function poolStats(): { total: number; idle: number; waiting: number } {
  const stats = { total: 0, idle: 0, waiting: 0 };
  for (const pool of globalForDb.pools ?? []) {
    if (pool.ended) {
      globalForDb.pools!.delete(pool);
      continue;
    }
    stats.total += pool.totalCount;
    stats.idle += pool.idleCount;
    stats.waiting += pool.waitingCount;
  }
  return stats;
}
const enclosing = new AsyncLocalStorage<Db>();

/**
 * Runs `work` with `db()` answering the open transaction `tx`, so that everything `work` writes
 * commits or rolls back with it: a service's own `db().$transaction(…)` inside becomes a nested
 * transaction (a savepoint of `tx`). Used to store an idempotent request's answer in the same
 * transaction as its work.
 */
export function withinTransaction<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  // A transaction client lacks only $connect, $disconnect, $on and $extends, which services never call.
  return enclosing.run(tx as unknown as Db, work);
}

/** Makes `client` the process-wide client: for scripts and tests that open their own. */
export function setDb(client: Db): Db {
  globalForDb.db = client;
  return client;
}

/** The process-wide client (or the enclosing transaction, see withinTransaction), created on first use so that building the app needs no database. */
export function db(): Db {
  const scoped = enclosing.getStore();
  if (scoped) return scoped;
  if (!globalForDb.db) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForDb.db = createDb(url);
  }
  return globalForDb.db;
}
