import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { listMessages } from "@/lib/services/messages/staff-outbox";

export const GET = handle(endpoints.listMessages, ({ actor, query }) => listMessages(actor, query));
