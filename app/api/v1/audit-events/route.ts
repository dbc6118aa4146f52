import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { browseAuditTrail } from "@/lib/services/audit-trail";

export const GET = handle(endpoints.listAuditEvents, ({ actor, query }) => browseAuditTrail(actor, query));
