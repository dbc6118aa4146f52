// One real PostgreSQL for the test run: the server TEST_DATABASE_URL names (its database is
// used as it is), or an embedded one in a fresh temporary folder. Migrations are applied here.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
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
    project.provide("databaseUrl", process.env.TEST_DATABASE_URL);
    project.provide("adminUrl", process.env.TEST_DATABASE_URL);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "clinic-test-pg-"));
  // Room for the concurrency tests' 50 connections while other test files run alongside.
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), maxConnections: 400 });
  await server.createDatabase("clinic_test");
  const databaseUrl = server.url("clinic_test");
  await migrate(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  project.provide("adminUrl", server.url("postgres"));
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
