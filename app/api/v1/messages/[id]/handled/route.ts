import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { markMessageHandled } from "@/lib/services/messages/staff-outbox";

export const POST = handle(endpoints.markMessageHandled, ({ actor, params }) => markMessageHandled(actor, params.id));
