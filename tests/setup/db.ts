import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { inject } from "vitest";
import { createDb, setDb, type Db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";

/** Points the app's process-wide client at the test database and returns it. */
export function testDatabase(): Db {
  return setDb(createDb(inject("databaseUrl")));
}

/** An empty database of its own, as its owner: for tests of the migrations themselves. */
export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `scratch_${randomUUID().replace(/-/g, "")}`;
  const admin = new Client({ connectionString: inject("adminUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(inject("ownerUrl"));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: inject("adminUrl") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A staff member of the given role, on a site of its own. */
export async function createActor(prisma: Db, role: Role): Promise<Actor> {
  const site = await prisma.site.create({ data: { name: `Test site ${randomUUID()}`, timeZone: "Europe/London" } });
  const staff = await prisma.staff.create({
    data: {
      siteId: site.id,
      email: `${role}-${randomUUID()}@test.clinic`,
      name: `Test ${role}`,
      role,
      passwordHash: "x",
    },
  });
  return { id: staff.id, name: staff.name, role };
}
