import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { cancelCase } from "@/lib/services/case-commands";

export const POST = handle(endpoints.cancelCase, ({ actor, params, body }) => cancelCase(actor, params.id, body));
