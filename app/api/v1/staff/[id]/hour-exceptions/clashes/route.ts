import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { leaveClashes } from "@/lib/services/hours";

export const GET = handle(endpoints.leaveClashes, ({ actor, params, query }) => leaveClashes(actor, params.id, query));
