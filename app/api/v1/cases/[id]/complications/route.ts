import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { listComplications, recordComplication } from "@/lib/services/outcome-records";

export const GET = handle(endpoints.listComplications, ({ actor, params }) => listComplications(actor, params.id));

export const POST = handle(endpoints.recordComplication, ({ actor, params, body }) =>
  recordComplication(actor, params.id, body),
);
