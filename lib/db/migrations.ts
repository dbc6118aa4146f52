// Applies prisma/migrations/<stamp>_<name>/migration.sql in order, each in its own transaction,
// and records them in Prisma's `_prisma_migrations` table with the same columns and checksum
// (sha256 of the file), so `prisma migrate deploy` agrees wherever Prisma's engine is available.
// An applied migration whose file has changed since is refused.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Logger, runMigrations } from "graphile-worker";
import { Client } from "pg";

const migrationsDir = path.join(process.cwd(), "prisma", "migrations");

/** How many months ahead of the current one the audit table's partitions are made (docs/audit.md). */
export const auditMonthsAhead = 3;

// Prisma Migrate's advisory lock key, so this runner and Prisma never migrate at once.
const advisoryLockKey = 72707369;

type Migration = { name: string; sql: string; checksum: string };

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

class MigrationError extends Error {
  name = "MigrationError";
}

/**
 * Makes the audit table's monthly partitions up to `auditMonthsAhead` months after `now`'s
 * (the application's clock, which stamps each audit row), when the
 * migrations define it (idempotent). Runs at every `migrate`, so each start-up keeps months
 * made ahead even with nothing to migrate; a month it cannot make is logged as a warning (its
 * rows are kept in the DEFAULT partition).
 */
async function ensureAuditPartitions(client: Client, now: Date): Promise<void> {
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT to_regprocedure('audit_event_ensure_partitions(integer, timestamptz, timestamptz)') IS NOT NULL AS present`,
  );
  if (!rows[0]?.present) return;
  const warn = (notice: { message?: string }) => console.warn(notice.message);
  client.on("notice", warn);
  try {
    await client.query("SELECT audit_event_ensure_partitions($1, $2, $2)", [auditMonthsAhead, now]);
  } finally {
    client.off("notice", warn);
  }
}

/**
 * Applies what is pending, then makes the audit partitions ahead of `now` (the caller's clock);
 * returns the names applied now.
 */
export async function migrate(
  connectionString: string,
  migrations?: Migration[],
  now: Date = new Date(),
): Promise<string[]> {
  const all = migrations ?? (await readMigrations());
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [advisoryLockKey]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const known = new Set(all.map((m) => m.name));
    for (const name of applied.keys()) {
      if (!known.has(name)) throw new MigrationError(`Migration ${name} is applied but its file is missing.`);
    }
    const done: string[] = [];
    for (const migration of all) {
      const record = applied.get(migration.name);
      if (record) {
        if (!record.finished_at)
          throw new MigrationError(`Migration ${migration.name} failed earlier; resolve it by hand.`);
        if (record.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was edited after it was applied; add a new migration instead.`,
          );
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      done.push(migration.name);
    }
    await ensureAuditPartitions(client, now);
    // The job queue's own schema (graphile_worker), installed and upgraded by the library.
    await runMigrations({ connectionString, logger: new Logger(() => () => undefined) });
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [advisoryLockKey]).catch(() => undefined);
    await client.end();
  }
}
