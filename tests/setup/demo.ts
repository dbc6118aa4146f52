import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrations";
import { seedDemoData } from "@/prisma/seed";
import { now } from "./clock";
import { createScratchDatabase } from "./db";

/**
 * The demo's data, seeded at the run's clock into a database of its own before the file's tests
 * and dropped after them. Answers a getter of its client (set once the seed is in).
 */
export function demoDatabase(): () => Db {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let prisma: Db;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    await migrate(scratch.url);
    prisma = createDb(scratch.url);
    await seedDemoData(prisma, now());
  }, 180_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await scratch.drop();
  });
  return () => prisma;
}
