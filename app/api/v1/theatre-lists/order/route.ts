import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { reorderTheatreList } from "@/lib/services/theatre-lists";

export const PUT = handle(endpoints.reorderTheatreList, ({ actor, body }) => reorderTheatreList(actor, body));
