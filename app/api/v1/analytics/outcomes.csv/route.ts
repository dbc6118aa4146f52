import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { csvDownload } from "@/lib/http/csv";
import { resolvePeriod } from "@/lib/schemas/analytics";
import { exportOutcomes, outcomeColumns } from "@/lib/services/analytics-outcomes-csv";
import { actorSite } from "@/lib/services/sites";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.exportOutcomes, async ({ actor, query }) => {
  const period = resolvePeriod(query, (await actorSite(actor)).today);
  return csvDownload(
    outcomeColumns(query.table),
    exportOutcomes(actor, { ...period, table: query.table }),
    `outcomes-${query.table}.csv`,
  );
});
