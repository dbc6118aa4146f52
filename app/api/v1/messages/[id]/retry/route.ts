import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { retryMessage } from "@/lib/services/messages/staff-outbox";

export const POST = handle(endpoints.retryMessage, ({ actor, params }) => retryMessage(actor, params.id));
