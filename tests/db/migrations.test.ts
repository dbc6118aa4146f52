import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrations";
import { createScratchDatabase } from "../setup/db";

describe("migrations runner", () => {
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await drop?.();
    drop = undefined;
  });

  it("applies every migration once and records it as Prisma does", async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    const all = await readMigrations();
    expect(await migrate(scratch.url)).toEqual(all.map((m) => m.name));
    expect(await migrate(scratch.url)).toEqual([]);
    const client = new Client({ connectionString: scratch.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    expect(rows).toEqual(
      all.map((m) => ({ migration_name: m.name, checksum: m.checksum, finished: true, applied_steps_count: 1 })),
    );
  });

  it("refuses an applied migration whose file was edited since", async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    const all = await readMigrations();
    await migrate(scratch.url, all);
    const edited = all.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
    await expect(migrate(scratch.url, edited)).rejects.toThrow(/was edited after it was applied/);
  });

  it("rolls back a failing migration whole and records nothing", async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    const broken = [
      {
        name: "20990101000000_broken",
        sql: "CREATE TABLE half_done (id int); SELECT no_such_function();",
        checksum: "x".repeat(64),
      },
    ];
    await expect(migrate(scratch.url, broken)).rejects.toThrow(/failed/);
    const client = new Client({ connectionString: scratch.url });
    await client.connect();
    const table = await client.query(`SELECT to_regclass('half_done') AS t`);
    const recorded = await client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    await client.end();
    expect(table.rows[0].t).toBeNull();
    expect(recorded.rows[0].n).toBe(0);
  });
});
