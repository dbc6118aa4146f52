// AC-1 in the database: whatever writes the staff table, a site keeps an active administrator.
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createActor, testDatabase } from "../setup/db";

const prisma = testDatabase();

describe("the database keeps each site an active administrator (AC-1)", () => {
  const clients: Client[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const client = new Client({ connectionString: inject("databaseUrl") });
      await client.connect();
      clients.push(client);
    }
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
  });

  it("refuses deactivating, demoting or deleting a site's last active administrator (AC-1)", async () => {
    const admin = await createActor(prisma, "admin");
    for (const sql of [
      "UPDATE staff SET active = false WHERE id = $1",
      "UPDATE staff SET role = 'surgeon' WHERE id = $1",
      "DELETE FROM staff WHERE id = $1",
    ]) {
      await expect(clients[0]!.query(sql, [admin.id])).rejects.toThrow(/AC-1/);
    }
    expect(await prisma.staff.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: "admin",
      active: true,
    });
  });

  it("lets one of two administrators go, but not both at once from two connections (AC-1)", async () => {
    const a = await createActor(prisma, "admin");
    const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: a.id } });
    const b = await prisma.staff.create({
      data: { siteId, role: "admin", name: "Second admin", email: `admin-${a.id}@second.test`, passwordHash: "x" },
    });
    const [one, two] = clients as [Client, Client];
    await one.query("BEGIN");
    await two.query("BEGIN");
    await one.query("UPDATE staff SET active = false WHERE id = $1", [a.id]);
    // The second waits on the site's row until the first commits, then sees a has gone.
    const second = two.query("UPDATE staff SET active = false WHERE id = $1", [b.id]).then(
      () => "done",
      (e: Error) => e.message,
    );
    await one.query("COMMIT");
    expect(await second).toMatch(/AC-1/);
    await two.query("ROLLBACK");
    expect(await prisma.staff.count({ where: { siteId, role: "admin", active: true } })).toBe(1);
  });
});
