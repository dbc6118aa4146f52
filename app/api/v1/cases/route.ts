import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { createCase, listCases } from "@/lib/services/cases";

export const GET = handle(endpoints.listCases, ({ actor, query }) => listCases(actor, query));
export const POST = handle(endpoints.createCase, ({ actor, body }) => createCase(actor, body));
