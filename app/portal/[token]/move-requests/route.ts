import { handlePortalPost } from "@/lib/http/portal-handler";
import { moveRequestInput } from "@/lib/schemas/move-requests";
import { requestAppointmentMove } from "@/lib/services/portal/move-requests";

export const POST = handlePortalPost(
  { path: "/portal/{token}/move-requests", body: moveRequestInput, status: 201 },
  ({ token, body }) => requestAppointmentMove(token, body),
);
