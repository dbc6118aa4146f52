// The patient asks, from their own page, for one of their upcoming appointments to be moved. The
// request goes to reception; the appointment itself is never changed here.
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFoundBecause } from "@/lib/domain/errors";
import type { MoveRequestInput, PatientMoveRequest } from "@/lib/schemas/move-requests";
import { recordPatientAudit } from "../audit";
import { openPortal } from "./access";

/** `conflict` MOVE_REQUEST_OPEN: reception has not yet handled the request already made. */
const alreadyAsked = () =>
  conflict(
    "MOVE_REQUEST_OPEN",
    "You have already asked to move this appointment. The clinic will contact you about it.",
  );

/**
 * Records the request of the holder of the link `token` to move appointment `input.appointmentId`,
 * with their note (which times suit them), at `now`, in one transaction with its audit row (the
 * patient as the actor, `move_request.create`, detail `{appointmentId, portalLinkId}`). Answers the
 * open request. Throws a DomainError, writing nothing: `not_found` for an unknown link, or for an
 * appointment that is not this patient's (whether or not it exists); `forbidden`
 * PORTAL_LINK_EXPIRED / PORTAL_LINK_REVOKED; `conflict` NOT_UPCOMING for a cancelled appointment or
 * one that has started; `conflict` MOVE_REQUEST_OPEN when a request for it is still open (also
 * when requests race: the database's partial unique index keeps one open per appointment).
 */
export async function requestAppointmentMove(
  token: string,
  input: MoveRequestInput,
  now = new Date(),
): Promise<PatientMoveRequest> {
  try {
    return await db().$transaction(async (tx) => {
      const session = await openPortal(tx, token, now);
      const appointment = await tx.appointment.findFirst({
        where: { id: input.appointmentId, patientId: session.patientId },
        select: { id: true, status: true, startsAt: true },
      });
      if (!appointment)
        throw notFoundBecause("This appointment was not found on your page.", {
          errors: [{ path: "appointmentId", message: "Not one of your appointments" }],
        });
      if (appointment.status !== "booked" || appointment.startsAt <= now)
        throw conflict(
          "NOT_UPCOMING",
          appointment.status === "booked"
            ? "This appointment has already started, so it cannot be moved from here. Please call the clinic."
            : "This appointment has been cancelled, so there is nothing to move.",
        );
      const open = await tx.appointmentMoveRequest.findFirst({
        where: { appointmentId: appointment.id, status: "open" },
        select: { id: true },
      });
      if (open) throw alreadyAsked();
      const row = await tx.appointmentMoveRequest.create({
        data: {
          appointmentId: appointment.id,
          patientId: session.patientId,
          portalLinkId: session.linkId,
          note: input.note,
          requestedAt: now,
        },
      });
      await recordPatientAudit(tx, session.patientId, [
        {
          action: "move_request.create",
          entity: "appointment_move_request",
          entityId: row.id,
          detail: { appointmentId: appointment.id, portalLinkId: session.linkId },
        },
      ]);
      return {
        id: row.id,
        appointmentId: row.appointmentId,
        status: row.status,
        requestedAt: row.requestedAt.toISOString(),
      };
    });
  } catch (error) {
    // Two requests at once both found none open; the partial unique index let one in.
    if (isUniqueViolation(error)) throw alreadyAsked();
    throw error;
  }
}
