import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { searchSlots } from "@/lib/services/slot-search";

export const GET = handle(endpoints.findSlots, ({ actor, query }) => searchSlots(actor, query));
