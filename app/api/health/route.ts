import { db } from "@/lib/db/client";
import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { DomainError } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export const GET = handle(endpoints.health, async () => {
  try {
    await db().$queryRaw`SELECT 1`;
  } catch {
    throw new DomainError("DATABASE_UNAVAILABLE", 503, "The database does not answer.");
  }
  return { status: "ok", db: "ok" };
});
