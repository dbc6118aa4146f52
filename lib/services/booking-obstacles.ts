// Why a booking at one exact time found no one: said in the words of what actually stood in the
// way, checked in this order: the patient's own appointment (SC-1), nobody working or no room
// open (SC-2), every clinician booked or every room booked (SC-1).
import type { Role, RoomKind } from "@/lib/domain/vocabulary";
import type { Tx } from "@/lib/db/client";
import { violation } from "@/lib/domain/rules";
import { requirements, type AppointmentKind } from "@/lib/domain/scheduling";
import { conflict, type DomainError } from "@/lib/domain/errors";
import { refusal } from "./case-record";
import { findSlots, type SlotQuery } from "./slots";

const clinicianLabel: Record<Extract<Role, "surgeon" | "anaesthetist" | "nurse" | "physio">, string> = {
  surgeon: "surgeon",
  anaesthetist: "anaesthetist",
  nurse: "nurse",
  physio: "physiotherapist",
};
const roomLabel: Record<RoomKind, string> = {
  theatre: "theatre",
  consulting: "consulting room",
  imaging: "imaging room",
  physio: "physiotherapy room",
  dressing: "dressing room",
};
const kindLabel = (kind: string) => kind.replace(/_/g, " ");

/**
 * The error that explains why `findSlots(tx, query)` found nothing for `query.exactStart`
 * (which must be set): a `conflict` SC-1 with `conflicts` naming the patient's own appointments,
 * a `rule` SC-2 when no clinician of the kind's role works or no room of its kind is open, else
 * a `conflict` SC-1 saying whether the clinicians or the rooms are all booked. Names the one
 * chosen when the query names a clinician or room.
 */
export async function whyNoSlot(tx: Tx, query: SlotQuery & { exactStart: Date }): Promise<DomainError> {
  const start = query.exactStart;
  const end = new Date(start.getTime() + query.minutes * 60_000);
  const own = await tx.$queryRaw<{ appointment_id: string; kind: AppointmentKind }[]>`
    SELECT ar.appointment_id, a.kind::text AS kind FROM appointment_resource ar JOIN appointment a ON a.id = ar.appointment_id
    WHERE ar.active AND ar.resource_id = ${query.patientId}::uuid AND ar.period && tstzrange(${start}, ${end})
    ORDER BY a.starts_at`;
  if (own.length > 0) {
    const kinds = [...new Set(own.map((o) => kindLabel(o.kind)))].join(" and ");
    return conflict("SC-1", `The patient already has an appointment (${kinds}) at that time.`, {
      conflicts: own.map((o) => ({ appointmentId: o.appointment_id, resource: "patient" })),
    });
  }
  const need = requirements[query.kind];
  const role = need.clinician
    ? clinicianLabel[need.clinician]! + (need.anaesthetist ? " with an anaesthetist" : "")
    : null;
  const room = roomLabel[need.room]!;
  // With the room left out, the search answers for the clinicians alone.
  const cliniciansOnly = async (ignoreBookings: boolean) =>
    role !== null &&
    query.roomId !== null &&
    (await findSlots(tx, { ...query, roomId: null, ignoreBookings, limit: 1 })).length > 0;
  const roomsToBlame = query.roomId !== null && (role === null || (await cliniciansOnly(true)));

  if ((await findSlots(tx, { ...query, ignoreBookings: true, limit: 1 })).length === 0) {
    if (!roomsToBlame)
      return refusal(
        violation(
          "SC-2",
          query.clinicianId ? `The ${role} chosen does not work at that time.` : `No ${role} works at that time.`,
        ),
      );
    return refusal(
      violation(
        "SC-2",
        query.roomId ? `The ${room} chosen is not open at that time.` : `No ${room} is open at that time.`,
      ),
    );
  }
  const roomsBooked = query.roomId !== null && (role === null || (await cliniciansOnly(false)));
  const message = roomsBooked
    ? query.roomId
      ? `The ${room} chosen is already booked at that time.`
      : `Every ${room} open then is already booked at that time.`
    : query.clinicianId
      ? `The ${role} chosen is already booked at that time.`
      : `Every ${role} working then is already booked at that time.`;
  return conflict("SC-1", message, { conflicts: [] });
}
