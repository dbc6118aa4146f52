import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { listAuditEvents } from "@/lib/services/audit";

export const GET = handle(endpoints.listAuditEvents, ({ query }) => listAuditEvents(query));
