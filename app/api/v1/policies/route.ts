import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { setSitePolicies, sitePolicies } from "@/lib/services/policies";

export const GET = handle(endpoints.getPolicies, ({ actor }) => sitePolicies(actor));
export const PUT = handle(endpoints.setPolicies, ({ actor, body }) => setSitePolicies(actor, body));
