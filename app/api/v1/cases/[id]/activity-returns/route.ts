import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { listActivityReturns, recordActivityReturn } from "@/lib/services/outcome-records";

export const GET = handle(endpoints.listActivityReturns, ({ actor, params }) => listActivityReturns(actor, params.id));

export const POST = handle(endpoints.recordActivityReturn, ({ actor, params, body }) =>
  recordActivityReturn(actor, params.id, body),
);
