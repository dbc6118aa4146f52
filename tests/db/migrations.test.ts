import { Client } from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrations";
import { now } from "../setup/clock";
import { createScratchDatabase } from "../setup/db";

const partitioning = "20261130100000_audit_partitions";

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
  it("partitions the audit table by month keeping its rows, their ids and who they name", async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    const all = await readMigrations();
    const at = all.findIndex((m) => m.name === partitioning);
    expect(at).toBeGreaterThan(0);
    await migrate(scratch.url, all.slice(0, at));
    const client = new Client({ connectionString: scratch.url });
    await client.connect();
    try {
      const patient = await client.query(
        `INSERT INTO patient (given_name, family_name, birth_date, sex) VALUES ('Old', 'Row', '1970-01-01', 'female') RETURNING id`,
      );
      const patientId = patient.rows[0].id;
      const monthsAgo = (n: number) => new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth() - n, 10));
      const before = await client.query(
        `INSERT INTO audit_event (at, action, entity, entity_id, patient_id)
         VALUES ($1, 'patient.read', 'patient', $3::text, $3::uuid), ($2, 'staff.update', 'staff', 'x', NULL)
         RETURNING id, at, action, patient_id`,
        [monthsAgo(14), monthsAgo(0), patientId],
      );
      await migrate(scratch.url, all);
      const after = await client.query(
        `SELECT id, at, action, patient_id, patient_ids, item_count, tableoid::regclass::text AS p FROM audit_event ORDER BY id`,
      );
      const month = (d: Date) => `audit_event_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
      expect(after.rows).toEqual([
        { ...before.rows[0], patient_ids: [patientId], item_count: null, p: month(monthsAgo(14)) },
        { ...before.rows[1], patient_ids: [], item_count: null, p: month(monthsAgo(0)) },
      ]);
      const next = await client.query(`INSERT INTO audit_event (action, entity) VALUES ('new', 'test') RETURNING id`);
      expect(BigInt(next.rows[0].id)).toBeGreaterThan(BigInt(before.rows[1].id));
      await expect(client.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it("makes next months' audit partitions at every run, even with nothing to migrate", async () => {
    const scratch = await createScratchDatabase();
    drop = scratch.drop;
    await migrate(scratch.url);
    const d = new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth() + 1, 1));
    const next = `audit_event_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    const client = new Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await client.query(`DROP TABLE ${next}`);
      expect(await migrate(scratch.url)).toEqual([]);
      const { rows } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [next]);
      expect(rows).toEqual([{ present: true }]);
    } finally {
      await client.end();
    }
  });
});
