// A deliberately failing test, outside the suite's globs: `npm run test:selfcheck` runs it with the
// suite's own set-up (the embedded PostgreSQL) and passes only when vitest exits non-zero.
import { Client } from "pg";
import { expect, inject, test } from "vitest";

test("fails on purpose, after using the test database", async () => {
  const client = new Client({ connectionString: inject("databaseUrl") });
  await client.connect();
  const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
  await client.end();
  expect(rows[0]!.one).toBe(2);
});
