import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { resolvePeriod } from "@/lib/schemas/analytics";
import { outcomesReport } from "@/lib/services/analytics-outcomes";
import { actorSite } from "@/lib/services/sites";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.outcomesReport, async ({ actor, query }) =>
  outcomesReport(actor, resolvePeriod(query, (await actorSite(actor)).today)),
);
