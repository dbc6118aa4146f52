import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { dressingRound } from "@/lib/services/dressing-round";

export const GET = handle(endpoints.dressingRound, ({ actor, query }) => dressingRound(actor, query.date));
