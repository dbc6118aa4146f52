import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { csvDownload } from "@/lib/http/csv";
import { exportAuditEvents, exportColumns } from "@/lib/services/audit-trail";

export const GET = handle(endpoints.exportAuditEvents, ({ actor, query }) =>
  csvDownload(exportColumns, exportAuditEvents(actor, query), "audit-trail.csv"),
);
