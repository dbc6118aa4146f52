import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { csvDownload } from "@/lib/http/csv";
import { complianceColumns, exportCompliance } from "@/lib/services/analytics-compliance-export";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.exportCompliance, ({ actor, query }) =>
  csvDownload(complianceColumns, exportCompliance(actor, query), "compliance.csv"),
);
