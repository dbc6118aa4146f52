import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { offerTheatreTime } from "@/lib/services/theatre-candidates";

export const GET = handle(endpoints.theatreCandidates, ({ actor, query }) => offerTheatreTime(actor, query));
