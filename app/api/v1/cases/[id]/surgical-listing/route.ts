import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { listForSurgery } from "@/lib/services/case-commands";
import { changeListingPriority } from "@/lib/services/listing";

export const POST = handle(endpoints.listForSurgery, ({ actor, params, body }) =>
  listForSurgery(actor, params.id, body),
);

export const PATCH = handle(endpoints.changeListingPriority, ({ actor, params, body }) =>
  changeListingPriority(actor, params.id, body),
);
