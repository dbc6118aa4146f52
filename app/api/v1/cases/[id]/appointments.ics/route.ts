import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { caseCalendarFile } from "@/lib/services/calendar";

export const GET = handle(endpoints.caseCalendarFile, async ({ actor, params }) => {
  const body = await caseCalendarFile(actor, params.id);
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="appointments.ics"',
    },
  });
});
