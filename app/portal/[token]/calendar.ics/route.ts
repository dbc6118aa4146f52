import { observed } from "@/lib/http/observed";
import { limitPortalRequest } from "@/lib/http/portal-limit";
import { errorToResponse } from "@/lib/http/problem";
import { readPortalCalendar } from "@/lib/services/portal/view";

// The route's template, never the address itself: the token is the patient's key.
const route = { method: "get", path: "/portal/{token}/calendar.ics" } as const;

/**
 * The patient's calendar feed (webcal): their appointments, moved and cancelled ones updated. A
 * link that opens nothing answers problem+json with no patient data: 404 NOT_FOUND, or 403
 * PORTAL_LINK_REVOKED / PORTAL_LINK_EXPIRED; too many requests, 429 with Retry-After.
 */
export function GET(request: Request, context: { params: Promise<{ token: string }> }) {
  return observed(route, request, async () => {
    try {
      const { token } = await context.params;
      const limited = await limitPortalRequest(request, token);
      if (limited) return limited;
      return new Response(await readPortalCalendar(token), {
        headers: {
          "content-type": "text/calendar; charset=utf-8",
          "content-disposition": 'inline; filename="appointments.ics"',
          "cache-control": "private, no-store",
        },
      });
    } catch (error) {
      return errorToResponse(error, route.path);
    }
  });
}
