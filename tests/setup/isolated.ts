import { afterAll, beforeAll, inject } from "vitest";
import { createDb, setDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrations";
import { grantAppPrivileges } from "@/lib/db/roles";
import { now } from "./clock";
import { createScratchDatabase } from "./db";

/**
 * A migrated database of the file's own, reached as the app's role (no owner rights), made the
 * process-wide client before the file's tests and dropped after them: for tests that run the
 * job queue's worker, which would otherwise take other files' jobs from the shared database.
 * Answers getters of its URL (for the worker) and its client.
 */
export function isolatedDatabase(): { url: () => string; prisma: () => Db } {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let url: string;
  let prisma: Db;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    await migrate(scratch.url, undefined, now());
    const app = new URL(inject("databaseUrl"));
    await grantAppPrivileges(scratch.url, decodeURIComponent(app.username));
    app.pathname = new URL(scratch.url).pathname;
    url = app.toString();
    prisma = setDb(createDb(url));
  }, 180_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await scratch.drop();
  });
  return { url: () => url, prisma: () => prisma };
}
