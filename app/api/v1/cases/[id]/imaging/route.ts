import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { recordImaging } from "@/lib/services/case-commands";

export const POST = handle(endpoints.recordImaging, ({ actor, params, body }) => recordImaging(actor, params.id, body));
