import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { csvDownload } from "@/lib/http/csv";
import { exportStageWaits, stageWaitsColumns } from "@/lib/services/analytics-compliance-export";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.exportStageWaits, ({ actor, query }) =>
  csvDownload(stageWaitsColumns, exportStageWaits(actor, query), "stage-waits.csv"),
);
