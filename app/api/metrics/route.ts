import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { metricsText } from "@/lib/observability/metrics";
import { carriesMetricsToken } from "@/lib/observability/metrics-token";

export const dynamic = "force-dynamic";

const serve = async () => {
  const { text, contentType } = await metricsText();
  return new Response(text, { headers: { "content-type": contentType } });
};

// The administrator's session, as the catalogue says; or, for a scraper that has no session,
// the configured bearer token in its place.
const forAdmin = handle(endpoints.metrics, serve);
const forScraper = handle({ ...endpoints.metrics, action: null }, serve);

export function GET(request: Request): Promise<Response> {
  return carriesMetricsToken(request) ? forScraper(request) : forAdmin(request);
}
