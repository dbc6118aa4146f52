// Reception's side of the patients' requests to move an appointment: the list to work through and
// closing a request once the appointment was moved (through the normal booking screens) or could
// not be, which the patient is told. Neither changes the appointment.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { conflict, notFound } from "@/lib/domain/errors";
import { uuid } from "@/lib/schemas/common";
import type { HandleMoveRequestInput, MoveRequestQuery, MoveRequestView } from "@/lib/schemas/move-requests";
import { recordAudit, recordListRead } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";
import { noticeMoveDeclined } from "./messages/appointment-notices";

const moveRequestCursor = z.object({ requestedAt: z.iso.datetime(), id: uuid });

const withParts = {
  patient: { select: { id: true, givenName: true, familyName: true, mrn: true } },
  appointment: { select: { id: true, caseId: true, kind: true, status: true, startsAt: true, endsAt: true } },
  handledBy: { select: { name: true } },
} satisfies Prisma.AppointmentMoveRequestInclude;

type MoveRequestRow = Prisma.AppointmentMoveRequestGetPayload<{ include: typeof withParts }>;

const present = (row: MoveRequestRow): MoveRequestView => ({
  id: row.id,
  status: row.status,
  note: row.note,
  requestedAt: row.requestedAt.toISOString(),
  handledAt: row.handledAt?.toISOString() ?? null,
  handledBy: row.handledBy?.name ?? null,
  response: row.response,
  patient: {
    id: row.patient.id,
    name: `${row.patient.familyName.toUpperCase()}, ${row.patient.givenName}`,
    mrn: row.patient.mrn,
  },
  appointment: {
    id: row.appointment.id,
    caseId: row.appointment.caseId,
    kind: row.appointment.kind,
    status: row.appointment.status,
    start: row.appointment.startsAt.toISOString(),
    end: row.appointment.endsAt.toISOString(),
  },
});

/**
 * A page of the patients' move requests of `query.status` (default open), oldest request first
 * (ties by id), for `actor` (reception or the administrator; the edge asks `moveRequest.read`).
 * Audited as one list read (`move_request.list`) naming each patient shown. Throws `invalid`
 * VALIDATION at `cursor` for a cursor this list did not return.
 */
export async function listMoveRequests(
  actor: Actor,
  query: MoveRequestQuery,
): Promise<{ items: MoveRequestView[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, moveRequestCursor) : null;
  const rows = await db().appointmentMoveRequest.findMany({
    where: {
      status: query.status,
      ...(after
        ? {
            OR: [
              { requestedAt: { gt: new Date(after.requestedAt) } },
              { requestedAt: new Date(after.requestedAt), id: { gt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
    include: withParts,
  });
  const shown = rows.slice(0, query.limit);
  await recordListRead(db(), actor, {
    action: "move_request.list",
    entity: "appointment_move_request",
    itemPatientIds: shown.map((r) => r.patientId),
  });
  const last = shown.at(-1);
  return {
    items: shown.map(present),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ requestedAt: last.requestedAt.toISOString(), id: last.id })
        : null,
  };
}

/**
 * Closes the open move request `id` as `actor` (reception; the edge asks `moveRequest.handle`) at
 * `now`: `done` when the appointment was moved, `declined` when it could not be, with an optional
 * `response`, reception's reply, which the patient reads on their page. The appointment is not
 * touched. A declined request tells the patient, in the same transaction, that the appointment
 * stays as booked (`move_request_declined`, with the reply; see noticeMoveDeclined). Audited
 * (`move_request.handle`, detail `{outcome}`). Answers the request. Throws `not_found` for an
 * unknown request and `conflict` CONFLICT for one already handled (also when two staff close it
 * at once).
 */
export async function handleMoveRequest(
  actor: Actor,
  id: string,
  input: HandleMoveRequestInput,
  now = new Date(),
): Promise<MoveRequestView> {
  return db().$transaction(async (tx) => {
    const closed = await tx.appointmentMoveRequest.updateMany({
      where: { id, status: "open" },
      data: { status: input.outcome, handledAt: now, handledById: actor.id, response: input.response ?? null },
    });
    const row = await tx.appointmentMoveRequest.findUnique({ where: { id }, include: withParts });
    if (!row) throw notFound("The request to move an appointment");
    if (closed.count === 0) throw conflict("CONFLICT", "This request has already been handled: reload the list.");
    if (input.outcome === "declined") await noticeMoveDeclined(tx, row.appointmentId, row.response, now);
    await recordAudit(tx, actor, [
      {
        action: "move_request.handle",
        entity: "appointment_move_request",
        entityId: row.id,
        patientId: row.patientId,
        detail: { outcome: input.outcome },
      },
    ]);
    return present(row);
  });
}
