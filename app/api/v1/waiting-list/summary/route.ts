import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { waitingListSummary } from "@/lib/services/waiting-list-summary";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.waitingListSummary, ({ actor, query }) => waitingListSummary(actor, query));
