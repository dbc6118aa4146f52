import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { dressingRound } from "@/lib/services/recovery";

export const GET = handle(endpoints.dressingRound, ({ actor, query }) => dressingRound(actor, query.date));
