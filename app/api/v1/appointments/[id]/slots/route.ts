import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { searchMoveSlots } from "@/lib/services/slot-search";

export const GET = handle(endpoints.findMoveSlots, ({ actor, params, query }) =>
  searchMoveSlots(actor, params.id, query),
);
