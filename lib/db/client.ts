import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createDb(connectionString: string, options: { connections?: number } = {}): Db {
  // Commands on one case queue on its row lock: give a waiting transaction room before it fails.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: options.connections ?? 10 }), transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
}

const globalForDb = globalThis as unknown as { db?: Db };

/** Makes `client` the process-wide client: for scripts and tests that open their own. */
export function setDb(client: Db): Db {
  globalForDb.db = client;
  return client;
}

/** The process-wide client, created on first use so that building the app needs no database. */
export function db(): Db {
  if (!globalForDb.db) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    globalForDb.db = createDb(url);
  }
  return globalForDb.db;
}
