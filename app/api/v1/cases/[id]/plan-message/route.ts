import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { sendPlanMessage } from "@/lib/services/messages/post-op-plan";

export const POST = handle(endpoints.sendPlanMessage, ({ actor, params }) => sendPlanMessage(actor, params.id));
