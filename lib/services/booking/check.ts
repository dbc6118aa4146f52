// The checks of a booking, once resolved: the pathway's rules for its kind on its day (and the
// move an arthroscopy makes), and the people and room (SC-2, SC-3). Each refusal is thrown as
// the API answers it, before anything is written.
import type { Tx } from "@/lib/db/client";
import type { CaseMove } from "@/lib/domain/case-decision";
import { decideArthroscopyBooking, type CaseSnapshot } from "@/lib/domain/pathway";
import type { ClinicPolicies } from "@/lib/domain/policies";
import {
  checkPathway,
  checkStaffing,
  checkWithinHours,
  requirements,
  type AppointmentKind,
  type Interval,
} from "@/lib/domain/scheduling";
import { dayOf, type Day } from "@/lib/domain/time";
import { notFoundBecause } from "@/lib/domain/errors";
import { roomWindows, staffWindows } from "../availability";
import { refusal } from "../case-record";
import type { Resources } from "./resources";
import type { Admission } from "@/lib/domain/vocabulary";

/**
 * Whether the case's pathway allows the booking on its day (SX-2..SX-4, PO-3, PO-4, PW-3),
 * thrown as 422 with the rule when not; for an arthroscopy, the pathway's move of an assessed
 * case to "scheduled", else null.
 */
export function checkBookingPathway(
  snapshot: CaseSnapshot,
  kind: AppointmentKind,
  booking: {
    day: Day;
    admission: Admission | null;
    planItem: { dressing: { dueOn: Day } | null; physio: { number: number } | null };
  },
  today: Day,
  policies: ClinicPolicies,
): CaseMove | null {
  const { day, admission, planItem } = booking;
  const refused = checkPathway(
    snapshot,
    { kind, day, today, admission, dressing: planItem.dressing, physio: planItem.physio },
    policies,
  );
  if (refused) throw refusal(refused);
  if (kind !== "arthroscopy") return null;
  const scheduling = decideArthroscopyBooking(snapshot, { day, admission }, policies);
  if (!scheduling.ok) throw refusal(scheduling.violation);
  return scheduling.to ? scheduling : null;
}

/**
 * SC-2 and SC-3 for the people and room of a booking at `slot`: each named one exists at the
 * site and is active (else 404), has the role or kind the booking needs and works or is open
 * for the whole slot (else 422). With `namedOnly`, the ones not named yet are taken to be
 * right: used to say why no one could be found.
 */
export async function checkPeopleAndPlace(
  tx: Tx,
  kind: AppointmentKind,
  resources: Resources,
  slot: Interval,
  site: { id: string; timeZone: string },
  namedOnly = false,
) {
  const day = dayOf(slot.start, site.timeZone);
  const siteId = site.id;
  const staff = async (id: string | null) => (id ? tx.staff.findFirst({ where: { id, siteId, active: true } }) : null);
  const clinician = await staff(resources.clinicianId);
  const anaesthetist = await staff(resources.anaesthetistId);
  const room = resources.roomId
    ? await tx.room.findFirst({ where: { id: resources.roomId, siteId, active: true } })
    : null;
  const missing =
    (resources.clinicianId && !clinician) || (resources.anaesthetistId && !anaesthetist) || (resources.roomId && !room);
  if (missing) throw notFoundBecause("A clinician or room of this booking was not found at the case's site.");
  const need = requirements[kind];
  const assumed = <T>(found: T | null, stand: T | null): T | null => found ?? (namedOnly ? stand : null);
  const staffing = checkStaffing({
    kind,
    clinician: assumed<{ role: string }>(clinician, need.clinician ? { role: need.clinician } : null),
    anaesthetist: assumed<{ role: string }>(anaesthetist, need.anaesthetist ? { role: "anaesthetist" } : null),
    room: assumed<{ kind: string }>(room, { kind: need.room }),
  });
  if (staffing) throw refusal(staffing);
  for (const person of [clinician, anaesthetist]) {
    if (!person) continue;
    const hours = await staffWindows(tx, person.id, day, site.timeZone);
    const outside = checkWithinHours(slot, hours, `${person.name}'s working`);
    if (outside) throw refusal(outside);
  }
  if (room) {
    const hours = await roomWindows(tx, room.id, day, site.timeZone);
    const outside = checkWithinHours(slot, hours, `${room.name}'s opening`);
    if (outside) throw refusal(outside);
  }
}
