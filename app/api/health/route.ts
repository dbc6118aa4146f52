import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { unavailable } from "@/lib/http/errors";
import { databaseAnswers } from "@/lib/services/health";

export const dynamic = "force-dynamic";

export const GET = handle(endpoints.health, async () => {
  if (!(await databaseAnswers())) throw unavailable("DATABASE_UNAVAILABLE", "The database does not answer.");
  return { status: "ok", db: "ok" };
});
