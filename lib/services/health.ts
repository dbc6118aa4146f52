import { db } from "@/lib/db/client";

/** Whether the database answers a trivial query now: the health check's one question. Never throws. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
