// One real PostgreSQL for the test run: the server TEST_DATABASE_URL names (its database is
// used as it is; its user must be able to create roles), or an embedded one in a fresh temporary
// folder. Migrations are applied here, as the owner; the tests connect as the app does, as the
// login role `createAppRole` makes (lib/db/roles.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";
import { createAppRole } from "@/lib/db/roles";

declare module "vitest" {
  export interface ProvidedContext {
    /** The test database, as the app's role (no owner rights). */
    databaseUrl: string;
    /** The test database, as the owner of its tables. */
    ownerUrl: string;
    /** A database of the same server to create and drop others from, as a superuser. */
    adminUrl: string;
    /** The run's instant (ISO 8601), read once here: see ./clock.ts. */
    now: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export default async function setup(project: TestProject) {
  project.provide("now", new Date().toISOString());
  if (process.env.TEST_DATABASE_URL) {
    await migrate(process.env.TEST_DATABASE_URL);
    project.provide("databaseUrl", await createAppRole(process.env.TEST_DATABASE_URL));
    project.provide("ownerUrl", process.env.TEST_DATABASE_URL);
    project.provide("adminUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "clinic-test-pg-"));
  // Room for the concurrency tests' 50 connections while other test files run alongside.
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), maxConnections: 400 });
  await server.createDatabase("clinic_test");
  const ownerUrl = server.url("clinic_test");
  await migrate(ownerUrl);
  project.provide("databaseUrl", await createAppRole(ownerUrl));
  project.provide("ownerUrl", ownerUrl);
  project.provide("adminUrl", server.url("postgres"));
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
