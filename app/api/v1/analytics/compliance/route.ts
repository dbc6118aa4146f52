import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { compliance } from "@/lib/services/analytics-compliance-export";

export const dynamic = "force-dynamic";
export const GET = handle(endpoints.complianceReport, ({ actor, query }) => compliance(actor, query));
