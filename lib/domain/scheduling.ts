// Booking rules: who and what each kind of appointment needs (SC-3), working and opening hours
// (SC-2), and where the pathway allows each kind (SX-2..SX-4, PO-3, PO-4). Pure: instants and
// calendar days come in, a violation or nothing comes out.
import { formatDay } from "./date-format";
import { isOpen } from "./case-status";
import { decideArthroscopyBooking, type CaseSnapshot } from "./pathway";
import type { ClinicPolicies } from "./policies";
import { violation, type Violation } from "./rules";
import { addDays, instantAt, isoWeekday, type Day } from "./time";
import type { Admission, AppointmentKind, Role, RoomKind } from "./vocabulary";

export type { AppointmentKind } from "./vocabulary";

type StaffRole = Extract<Role, "surgeon" | "anaesthetist" | "nurse" | "physio">;

/** SC-3: the clinician, anaesthetist and room each kind needs. A dressing without a room is a home visit. */
export const requirements: Record<
  AppointmentKind,
  { clinician: StaffRole | null; anaesthetist: boolean; room: RoomKind; roomOptional?: boolean }
> = {
  consultation: { clinician: "surgeon", anaesthetist: false, room: "consulting" },
  follow_up: { clinician: "surgeon", anaesthetist: false, room: "consulting" },
  injection: { clinician: "surgeon", anaesthetist: false, room: "imaging" },
  imaging: { clinician: null, anaesthetist: false, room: "imaging" },
  anaesthesia_assessment: { clinician: "anaesthetist", anaesthetist: false, room: "consulting" },
  arthroscopy: { clinician: "surgeon", anaesthetist: true, room: "theatre" },
  dressing: { clinician: "nurse", anaesthetist: false, room: "dressing", roomOptional: true },
  physio: { clinician: "physio", anaesthetist: false, room: "physio" },
};

export type Booking = {
  kind: AppointmentKind;
  clinician: { role: string } | null;
  anaesthetist: { role: string } | null;
  room: { kind: string } | null;
};

export function checkStaffing(booking: Booking): Violation | null {
  const need = requirements[booking.kind];
  const sc3 = (message: string) => violation("SC-3", message);
  if (need.clinician && booking.clinician?.role !== need.clinician)
    return sc3(`A ${booking.kind.replace("_", " ")} needs a ${need.clinician}.`);
  if (!need.clinician && booking.clinician) return sc3(`A ${booking.kind} is booked with a room only.`);
  if (need.anaesthetist && booking.anaesthetist?.role !== "anaesthetist")
    return sc3("An arthroscopy needs an anaesthetist as well as the surgeon.");
  if (!need.anaesthetist && booking.anaesthetist) return sc3("Only an arthroscopy books an anaesthetist alongside.");
  if (!booking.room && !need.roomOptional) return sc3(`A ${booking.kind.replace("_", " ")} needs a ${need.room} room.`);
  if (booking.room && booking.room.kind !== need.room)
    return sc3(`A ${booking.kind.replace("_", " ")} takes place in a ${need.room} room.`);
  return null;
}

export type Interval = { start: Date; end: Date };
export type WeeklyHours = { weekday: number; startsAt: string; endsAt: string };
type DatedHours = { onDate: Day; startsAt: string | null; endsAt: string | null };

const at = (day: Day, time: string, timeZone: string) => {
  const [h, m] = time.split(":").map(Number);
  return instantAt(day, h!, m!, timeZone);
};

/**
 * The hours someone (or a room) is available on a calendar day: the weekly pattern in the site's
 * local time, unless a dated exception replaces it (no hours: leave). 09:00 stays 09:00 local
 * across DST changes.
 */
export function windowsOn(
  day: Day,
  weekly: WeeklyHours[],
  timeZone: string,
  exception?: DatedHours | null,
): Interval[] {
  if (exception) {
    if (!exception.startsAt || !exception.endsAt) return [];
    return [{ start: at(day, exception.startsAt, timeZone), end: at(day, exception.endsAt, timeZone) }];
  }
  return weekly
    .filter((w) => w.weekday === isoWeekday(day))
    .map((w) => ({ start: at(day, w.startsAt, timeZone), end: at(day, w.endsAt, timeZone) }));
}

/** SC-2: the appointment lies wholly inside one of the windows. */
export function checkWithinHours(slot: Interval, windows: Interval[], whose: string): Violation | null {
  const inside = windows.some((w) => w.start <= slot.start && slot.end <= w.end);
  return inside ? null : violation("SC-2", `The appointment falls outside ${whose} hours.`);
}

export type PlannedVisit = { dueOn: Day } | null;
type PlannedSession = { number: number } | null;

/**
 * Whether the case's pathway allows this kind of appointment on `day`: an arthroscopy needs a
 * valid assessment (SX-2, SX-3) and help at home for a day case (SX-4); a dressing keeps its due
 * day (PO-3); physiotherapy is booked from D1, the first session by the policy's day while that
 * day is ahead, and as soon as possible from that day on (PO-4). `today` is the
 * site's calendar day when the booking is made.
 */
export function checkPathway(
  c: CaseSnapshot,
  booking: {
    kind: AppointmentKind;
    day: Day;
    today: Day;
    admission?: Admission | null;
    dressing?: PlannedVisit;
    physio?: PlannedSession;
    moving?: boolean;
  },
  policies: ClinicPolicies,
): Violation | null {
  if (!isOpen(c.status)) return violation("PW-3", "The case is closed: nothing more is booked for it.");
  const d0 = c.operation?.operationDay ?? null;
  switch (booking.kind) {
    case "anaesthesia_assessment":
      return ["listed_for_surgery", "assessed", "scheduled"].includes(c.status)
        ? null
        : violation("PW-3", "An anaesthesia assessment is booked for a case listed for surgery.");
    case "arthroscopy": {
      const decision = decideArthroscopyBooking(c, booking, policies);
      return decision.ok ? null : decision.violation;
    }
    case "dressing": {
      if (!d0 || !booking.dressing) return violation("PW-3", "Dressings are booked from the post-operative plan.");
      if (booking.day < addDays(d0, 1)) return violation("PO-3", "No dressing is booked before day 1.");
      if (booking.day > booking.dressing.dueOn)
        return violation(
          "PO-3",
          `This dressing is due on ${formatDay(booking.dressing.dueOn)}: it cannot move later than its due day.`,
        );
      if (!booking.moving && booking.day !== booking.dressing.dueOn)
        return violation("PO-3", `This dressing is due on ${formatDay(booking.dressing.dueOn)}.`);
      return null;
    }
    case "physio": {
      if (!d0) return violation("PW-3", "Physiotherapy is booked after the operation.");
      if (booking.day < addDays(d0, 1)) return violation("PO-4", "No physiotherapy is booked before day 1.");
      // PO-4: while the due day is ahead, the first session is booked by it. From the due day
      // on (a session not booked by then may not be held by it), it is booked as soon as
      // possible, never refused as late; the recovery board flags it until it is held.
      const firstBy = addDays(d0, policies.physioFirstWithinDays);
      if (booking.physio?.number === 1 && booking.day > firstBy && booking.today < firstBy) {
        return violation("PO-4", `The first physiotherapy session is due by ${firstBy}: book it by then.`);
      }
      return null;
    }
    default:
      return null;
  }
}

/** SC-4: moving or cancelling needs a reason. */
export function checkReason(reason: string | null | undefined): Violation | null {
  return reason && reason.trim() ? null : violation("SC-4");
}
