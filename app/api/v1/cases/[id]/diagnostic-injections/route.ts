import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordDiagnosticInjection } from "@/lib/services/case-commands";

export const POST = handle(endpoints.recordDiagnosticInjection, ({ actor, params, body }) =>
  recordDiagnosticInjection(actor, params.id, body),
);
