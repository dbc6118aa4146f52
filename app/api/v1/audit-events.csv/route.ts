import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { csvLine } from "@/lib/http/csv";
import { exportAuditEvents, exportColumns } from "@/lib/services/audit-trail";

export const GET = handle(endpoints.exportAuditEvents, async ({ actor, query }) => {
  const events = exportAuditEvents(actor, query);
  // The export's audit row is written before the first byte leaves: a refused or failed audit
  // write is an error answer, not a download.
  const first = await events.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(exportColumns)));
      if (!first.done) controller.enqueue(encoder.encode(csvLine(first.value)));
      if (first.done) controller.close();
    },
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLine(next.value)));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="audit-trail.csv"',
    },
  });
});
