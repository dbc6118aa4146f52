import { db } from "@/lib/db/client";
import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { unavailable } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export const GET = handle(endpoints.health, async () => {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    throw unavailable("DATABASE_UNAVAILABLE", "The database does not answer.");
  }
  return { status: "ok", db: "ok" };
});
