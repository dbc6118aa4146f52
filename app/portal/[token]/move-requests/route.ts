import { formField, handlePortalPost } from "@/lib/http/portal-handler";
import { moveRequestInput } from "@/lib/schemas/move-requests";
import { requestAppointmentMove } from "@/lib/services/portal/move-requests";

// JSON from the page's script, or the page's plain form without it.
export const POST = handlePortalPost(
  {
    path: "/portal/{token}/move-requests",
    body: moveRequestInput,
    status: 201,
    fromForm: (form) => ({ appointmentId: formField(form, "appointmentId"), note: formField(form, "note") }),
    formAnchor: "move",
  },
  ({ token, body }) => requestAppointmentMove(token, body),
);
