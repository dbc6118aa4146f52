import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { listForSurgery } from "@/lib/services/case-commands";

export const POST = handle(endpoints.listForSurgery, ({ actor, params, body }) =>
  listForSurgery(actor, params.id, body),
);
