import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { appRoleProblems } from "@/lib/db/roles";

// The suite connects as the app does: the role `createAppRole` made (tests/setup/database.ts,
// as `npm start` does for its embedded database).
describe("the role the app connects as", () => {
  const client = new Client({ connectionString: inject("databaseUrl") });
  let id: string;
  beforeAll(async () => {
    await client.connect();
    const { rows } = await client.query(
      `INSERT INTO audit_event (action, entity) VALUES ('test.role', 'test') RETURNING id`,
    );
    id = rows[0].id;
  });
  afterAll(() => client.end());

  /** Runs `sql` in a transaction that is always rolled back: what it was refused with, or null. */
  async function refusal(sql: string): Promise<string | null> {
    await client.query("BEGIN");
    try {
      await client.query(sql);
      return null;
    } catch (error) {
      return (error as Error).message;
    } finally {
      await client.query("ROLLBACK");
    }
  }

  it("is no superuser, owns nothing and may not create roles or databases", async () => {
    const { rows } = await client.query(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows).toEqual([
      { rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false },
    ]);
    const owned = await client.query(
      `SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`,
    );
    expect(owned.rows[0].n).toBe(0);
    expect(await appRoleProblems(inject("databaseUrl"))).toEqual([]);
  });

  it.each([
    ["drop the audit trigger", "DROP TRIGGER audit_event_no_update_delete ON audit_event"],
    ["drop the TRUNCATE trigger", "DROP TRIGGER audit_event_no_truncate ON audit_event"],
    ["disable the audit triggers", "ALTER TABLE audit_event DISABLE TRIGGER ALL"],
    [
      "replace the trigger function",
      "CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
    ],
    ["drop the trigger function", "DROP FUNCTION audit_event_refuse_change() CASCADE"],
    ["turn triggers off for its session", "SET session_replication_role = replica"],
    ["drop the audit table", "DROP TABLE audit_event"],
    ["truncate the audit table", "TRUNCATE audit_event"],
  ])("may not %s", async (_what, sql) => {
    expect(await refusal(sql)).toMatch(/must be owner|permission denied/);
  });

  it("may not update or delete audit rows, nor change the case or appointment history", async () => {
    expect(await refusal(`UPDATE audit_event SET action = 'changed' WHERE id = '${id}'`)).toMatch(/permission denied/);
    expect(await refusal(`DELETE FROM audit_event WHERE id = '${id}'`)).toMatch(/permission denied/);
    for (const table of ["case_transition", "appointment_event"]) {
      expect(await refusal(`DELETE FROM ${table}`)).toMatch(/permission denied/);
      expect(await refusal(`TRUNCATE ${table}`)).toMatch(/permission denied/);
    }
    const { rows } = await client.query(`SELECT action FROM audit_event WHERE id = $1`, [id]);
    expect(rows).toEqual([{ action: "test.role" }]);
  });

  it("may not touch an audit partition directly, detach one or make one", async () => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'audit_event'::regclass`,
    );
    expect(rows.length).toBeGreaterThan(2);
    for (const { name } of rows) {
      for (const sql of [`SELECT 1 FROM ${name}`, `DELETE FROM ${name}`, `TRUNCATE ${name}`, `DROP TABLE ${name}`])
        expect(await refusal(sql), sql).toMatch(/must be owner|permission denied/);
    }
    expect(await refusal(`ALTER TABLE audit_event DETACH PARTITION ${rows[0]!.name}`)).toMatch(/must be owner/);
    expect(await refusal(`SELECT audit_event_ensure_partitions(40)`)).toMatch(/must be owner|permission denied/);
  });

  it("may not read or change the record of applied migrations", async () => {
    expect(await refusal(`SELECT * FROM "_prisma_migrations"`)).toMatch(/permission denied/);
  });
});
