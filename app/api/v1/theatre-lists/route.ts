import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { theatreLists } from "@/lib/services/theatre-lists";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.theatreLists, ({ actor, query }) => theatreLists(actor, query.date));
