// The audit table is partitioned by month (UTC): the current and next months' partitions exist
// once migrated (start-up runs the same maintenance), a row outside every month still lands in
// the DEFAULT partition, and every partition is as append-only as the table.
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { now } from "../setup/clock";

/** The partition name of the UTC month `monthsAfter` months after the run's month. */
function monthPartition(monthsAfter: number): string {
  const d = new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth() + monthsAfter, 1));
  return `audit_event_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

describe("the audit table's monthly partitions", () => {
  const client = new Client({ connectionString: inject("ownerUrl") });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  const partitions = async () =>
    (
      await client.query<{ name: string; bound: string }>(
        `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'audit_event'::regclass ORDER BY c.relname`,
      )
    ).rows;

  it("exist for the current month and the next ones, with a DEFAULT partition", async () => {
    const names = (await partitions()).map((p) => p.name);
    for (const months of [0, 1, 2, 3]) expect(names).toContain(monthPartition(months));
    expect(names).toContain("audit_event_default");
    const { rows } = await client.query(`SELECT relkind FROM pg_class WHERE oid = 'audit_event'::regclass`);
    expect(rows).toEqual([{ relkind: "p" }]);
  });

  it("are each one UTC month", async () => {
    const month = (n: number) => new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth() + n, 1));
    const landsIn = async (at: Date) =>
      (
        await client.query(
          `INSERT INTO audit_event (action, entity, at) VALUES ('test.bounds', 'test', $1) RETURNING tableoid::regclass::text AS p`,
          [at],
        )
      ).rows[0].p;
    expect(await landsIn(month(1))).toBe(monthPartition(1));
    expect(await landsIn(new Date(month(1).getTime() - 1))).toBe(monthPartition(0));
    expect(await landsIn(month(0))).toBe(monthPartition(0));
  });

  it("are made ahead idempotently: asking again creates nothing new", async () => {
    const before = await partitions();
    const { rows } = await client.query(`SELECT audit_event_ensure_partitions(3, $1, $1) AS created`, [now()]);
    expect(rows).toEqual([{ created: 0 }]);
    expect(await partitions()).toEqual(before);
  });

  it("take today's rows into the month's partition, and a row far in the future into the DEFAULT partition", async () => {
    // The application stamps each row's `at` with its clock (Prisma sets it).
    const today = await client.query(
      `INSERT INTO audit_event (action, entity, at) VALUES ('test.partition', 'test', $1) RETURNING tableoid::regclass::text AS p`,
      [now()],
    );
    expect(today.rows).toEqual([{ p: monthPartition(0) }]);
    const farAway = new Date(Date.UTC(now().getUTCFullYear() + 60, 5, 1));
    const future = await client.query(
      `INSERT INTO audit_event (action, entity, at) VALUES ('test.partition', 'test', $1) RETURNING id, tableoid::regclass::text AS p`,
      [farAway],
    );
    expect(future.rows[0].p).toBe("audit_event_default");
    const found = await client.query(`SELECT at FROM audit_event WHERE id = $1`, [future.rows[0].id]);
    expect(found.rows).toEqual([{ at: farAway }]);
  });

  it("a month whose rows already wait in the DEFAULT partition is left there, with a warning, and later months still come", async () => {
    const monthsAhead = 9;
    const waiting = new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth() + monthsAhead - 1, 15));
    const { rows } = await client.query(
      `INSERT INTO audit_event (action, entity, at) VALUES ('test.waiting', 'test', $1) RETURNING id`,
      [waiting],
    );
    const notices: string[] = [];
    const listen = (n: { message?: string }) => notices.push(n.message ?? "");
    client.on("notice", listen);
    try {
      await client.query(`SELECT audit_event_ensure_partitions($1, $2, $2)`, [monthsAhead, now()]);
    } finally {
      client.off("notice", listen);
    }
    const names = (await partitions()).map((p) => p.name);
    expect(names).not.toContain(monthPartition(monthsAhead - 1));
    expect(names).toContain(monthPartition(monthsAhead));
    expect(notices.join("\n")).toContain(monthPartition(monthsAhead - 1));
    const still = await client.query(`SELECT tableoid::regclass::text AS p FROM audit_event WHERE id = $1`, [
      rows[0].id,
    ]);
    expect(still.rows).toEqual([{ p: "audit_event_default" }]);
  });
});

describe("every audit partition is append-only, even for the tables' owner", () => {
  const client = new Client({ connectionString: inject("ownerUrl") });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  const targets = () => ["audit_event", monthPartition(0), monthPartition(1), "audit_event_default"];

  it("refuses UPDATE and DELETE through the table and on each partition", async () => {
    await client.query(`INSERT INTO audit_event (action, entity) VALUES ('test.locked', 'test')`);
    for (const table of targets()) {
      await expect(client.query(`UPDATE ${table} SET action = 'changed'`), table).rejects.toThrow(/append-only/);
      await expect(client.query(`DELETE FROM ${table}`), table).rejects.toThrow(/append-only/);
    }
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'test.locked'`);
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("refuses TRUNCATE of the table and of each partition, including one made later", async () => {
    await client.query(`SELECT audit_event_ensure_partitions(12, $1, $1)`, [now()]);
    const all = (
      await client.query<{ name: string }>(
        `SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'audit_event'::regclass`,
      )
    ).rows.map((r) => r.name);
    expect(all).toContain(monthPartition(12));
    for (const table of [...targets(), ...all]) {
      await expect(client.query(`TRUNCATE ${table}`), table).rejects.toThrow(/append-only/);
    }
  });
});
