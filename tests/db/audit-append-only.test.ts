import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";

// The triggers hold even for the tables' owner (the app's own role has no such rights: app-role.test.ts).
describe("the audit table", () => {
  const client = new Client({ connectionString: inject("ownerUrl") });
  let id: string;
  beforeAll(async () => {
    await client.connect();
    const { rows } = await client.query(
      `INSERT INTO audit_event (action, entity) VALUES ('test.append', 'test') RETURNING id`,
    );
    id = rows[0].id;
  });
  afterAll(() => client.end());

  it("accepts new rows", async () => {
    const { rows } = await client.query(`SELECT action FROM audit_event WHERE id = $1`, [id]);
    expect(rows).toEqual([{ action: "test.append" }]);
  });
  it("refuses UPDATE", async () => {
    await expect(client.query(`UPDATE audit_event SET action = 'changed' WHERE id = $1`, [id])).rejects.toThrow(
      /append-only/,
    );
  });
  it("refuses DELETE", async () => {
    await expect(client.query(`DELETE FROM audit_event WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
  });
  it("refuses TRUNCATE", async () => {
    await expect(client.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    const { rows } = await client.query(`SELECT action FROM audit_event WHERE id = $1`, [id]);
    expect(rows).toEqual([{ action: "test.append" }]);
  });
});
