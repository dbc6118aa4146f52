import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { readWaitingList } from "@/lib/services/waiting-list";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.listWaitingList, ({ actor, query }) => readWaitingList(actor, query));
