// Freed theatre time offered to the waiting list (WL-4): which waiting cases could take it as
// booked, each with the booking to make (who operates, who anaesthetises, which admission), so
// that booking an offered candidate through POST /api/v1/appointments is accepted. The same
// checks as the booking's: the room's own (checkPeopleAndPlace: a theatre of the site, open),
// working hours (SC-2, availability.ts), live bookings overlapping (SC-1, appointment_resource),
// the assessment on the day (SX-2..SX-4, in the domain).
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { validationError } from "@/lib/domain/errors";
import { policiesOf, type ClinicPolicies } from "@/lib/domain/policies";
import { checkWithinHours, type Interval } from "@/lib/domain/scheduling";
import { passedOverReasons, theatreCandidates, type Availability } from "@/lib/domain/theatre-candidates";
import { dayOf } from "@/lib/domain/time";
import { admittedClock, waitingStatuses } from "@/lib/domain/waiting-list";
import type { CandidateList, CandidateQuery } from "@/lib/schemas/theatre-candidates";
import { recordListRead } from "./audit";
import { staffWindows } from "./availability";
import { checkPeopleAndPlace } from "./booking/check";
import { conflictError, conflictsWith, SlotTaken } from "./booking/resources";

const minutesOf = (time: string) => {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
};

/** The longest theatre session of the site's policy (WL-5), in minutes: the most freed time one offer covers. */
function longestSessionMinutes(policies: ClinicPolicies): number {
  return Math.max(...Object.values(policies.theatreSessions).map((s) => minutesOf(s.end) - minutesOf(s.start)));
}

/** The staff, room or patient ids of `ids` with a live booking overlapping `slot` (SC-1). */
async function bookedDuring(tx: Tx, ids: string[], slot: Interval): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ resource_id: string }[]>`
    SELECT DISTINCT resource_id FROM appointment_resource
    WHERE active AND resource_id = ANY(${ids}::uuid[]) AND period && tstzrange(${slot.start}, ${slot.end})`;
  return new Set(rows.map((r) => r.resource_id));
}

/** SC-2 then SC-1 for one staff member at `slot`. */
async function availabilityOf(tx: Tx, staffId: string, slot: Interval, timeZone: string, booked: Set<string>) {
  const hours = await staffWindows(tx, staffId, dayOf(slot.start, timeZone), timeZone);
  const availability: Availability = checkWithinHours(slot, hours, "their")
    ? "off"
    : booked.has(staffId)
      ? "busy"
      : "free";
  return availability;
}

/**
 * WL-4 for the theatre `query.roomId` free from `query.start` to `query.end` at the actor's site:
 * the waiting cases that could take it, in WL-3 order, each with the arthroscopy to book (from the
 * start, for the site's arthroscopy length, SC-5, the theatre free for all of it), and how many others are
 * passed over, by reason. Throws `invalid` (400) for a start in the past or a time longer than one
 * session, `not_found` for a room not of the site, a `rule` SC-3 for a room that is not a theatre
 * and SC-2 when it is closed then, a `conflict` SC-1 when the room is booked during the time.
 */
export async function offerTheatreTime(actor: Actor, query: CandidateQuery, now = new Date()): Promise<CandidateList> {
  return db().$transaction(async (tx) => {
    const { site } = await tx.staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
    const policies = policiesOf(site.policies);
    const freed = { start: new Date(query.start), end: new Date(query.end) };
    if (freed.start < now) throw validationError([{ path: "start", message: "Must be in the future" }]);
    const longest = longestSessionMinutes(policies);
    if (freed.end.getTime() - freed.start.getTime() > longest * 60_000)
      throw validationError([
        { path: "end", message: `At most one theatre session (${longest} minutes) after the start` },
      ]);
    // An arthroscopy is booked for the site's length (SC-5), never cut to a shorter free time: the
    // theatre must be free for the whole of it, and for the whole freed time asked about.
    const slot = { start: freed.start, end: new Date(freed.start.getTime() + policies.durations.arthroscopy * 60_000) };
    const held = { start: freed.start, end: new Date(Math.max(freed.end.getTime(), slot.end.getTime())) };
    const timeZone = site.timeZone;
    const day = dayOf(slot.start, timeZone);

    const noOne = { clinicianId: null, anaesthetistId: null, patientId: "" };
    await checkPeopleAndPlace(tx, "arthroscopy", { ...noOne, roomId: query.roomId }, slot, site, true);
    if ((await bookedDuring(tx, [query.roomId], held)).size > 0)
      throw conflictError(await conflictsWith(new SlotTaken({ ...noOne, roomId: query.roomId }, held)));
    const room = await tx.room.findUniqueOrThrow({ where: { id: query.roomId }, select: { id: true, name: true } });

    const cases = await tx.clinicalCase.findMany({
      where: { siteId: site.id, status: { in: [...waitingStatuses] }, listing: { isNot: null } },
      select: {
        id: true,
        status: true,
        patient: { select: { id: true, givenName: true, familyName: true, mrn: true } },
        listing: {
          select: { listedOn: true, priority: true, surgeon: { select: { id: true, name: true, active: true } } },
        },
        assessments: { select: { assessedOn: true, homeSupport: true } },
      },
    });
    const anaesthetists = await tx.staff.findMany({
      where: { siteId: site.id, role: "anaesthetist", active: true },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    const surgeonIds = [...new Set(cases.map((c) => c.listing!.surgeon.id))];
    const booked = await bookedDuring(
      tx,
      [...surgeonIds, ...anaesthetists.map((a) => a.id), ...cases.map((c) => c.patient.id)],
      slot,
    );
    const surgeons = new Map<string, Availability>();
    for (const c of cases) {
      const surgeon = c.listing!.surgeon;
      if (surgeons.has(surgeon.id)) continue;
      surgeons.set(surgeon.id, surgeon.active ? await availabilityOf(tx, surgeon.id, slot, timeZone, booked) : "off");
    }
    const freeAnaesthetists = [];
    for (const a of anaesthetists)
      if ((await availabilityOf(tx, a.id, slot, timeZone, booked)) === "free") freeAnaesthetists.push(a);
    // The anaesthetist of the arthroscopy cancelled here keeps the time when free; else the first free.
    const cancelled = await tx.appointment.findFirst({
      where: {
        roomId: room.id,
        kind: "arthroscopy",
        status: "cancelled",
        startsAt: { lt: freed.end },
        endsAt: { gt: freed.start },
      },
      orderBy: { createdAt: "desc" },
      select: { anaesthetistId: true },
    });
    const anaesthetist = freeAnaesthetists.find((a) => a.id === cancelled?.anaesthetistId) ?? freeAnaesthetists[0];

    const today = dayOf(now, timeZone);
    const entries = cases.map((c) => {
      const listedOn = dayOfColumn(c.listing!.listedOn);
      const clock = admittedClock({ listedOn, operatedOn: null, cancelledOn: null }, today, policies);
      return {
        key: { priority: c.listing!.priority, breachOn: clock.breachOn, listedOn, caseId: c.id },
        status: c.status,
        assessments: c.assessments.map((a) => ({ assessedOn: dayOfColumn(a.assessedOn), homeSupport: a.homeSupport })),
        surgeon: surgeons.get(c.listing!.surgeon.id)!,
        patient: booked.has(c.patient.id) ? ("busy" as const) : ("free" as const),
        row: c,
        weeksWaited: clock.weeksWaited,
      };
    });
    const { candidates, passedOver } = theatreCandidates(entries, day, anaesthetist !== undefined, policies);
    const items = candidates.map((c) => ({
      caseId: c.row.id,
      patient: {
        id: c.row.patient.id,
        name: `${c.row.patient.familyName.toUpperCase()}, ${c.row.patient.givenName}`,
        mrn: c.row.patient.mrn,
      },
      priority: c.key.priority,
      listedOn: c.key.listedOn,
      weeksWaited: c.weeksWaited,
      breachOn: c.key.breachOn,
      admission: c.admission,
      start: slot.start.toISOString(),
      end: slot.end.toISOString(),
      surgeon: { id: c.row.listing!.surgeon.id, name: c.row.listing!.surgeon.name },
      anaesthetist: anaesthetist!,
      room,
    }));
    const counts = new Map<keyof typeof passedOverReasons, number>();
    for (const p of passedOver) counts.set(p.reason, (counts.get(p.reason) ?? 0) + 1);
    await recordListRead(tx, actor, {
      action: "theatre.candidates",
      entity: "clinical_case",
      itemPatientIds: items.map((i) => i.patient.id),
    });
    return {
      items,
      passedOver: [...counts].map(([reason, count]) => ({ reason, rule: passedOverReasons[reason], count })),
    };
  });
}
