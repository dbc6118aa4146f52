// The first step of a booking: what it is. When (its slot, from the site's appointment lengths),
// which item of the post-operative plan it holds (PO-3, PO-4), how an arthroscopy admits (SX-4),
// and who and where: the clinician, anaesthetist and room the client named, or the first free
// ones the server finds at that time.
import { formatDay } from "@/lib/domain/date-format";
import type { Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { admissionFor, validAssessmentFor } from "@/lib/domain/assessment";
import type { ClinicPolicies } from "@/lib/domain/policies";
import { violation } from "@/lib/domain/rules";
import { requirements, type Interval } from "@/lib/domain/scheduling";
import { dayOf, type Day } from "@/lib/domain/time";
import { notFoundBecause } from "@/lib/domain/errors";
import type { AppointmentInput } from "@/lib/schemas/appointment";
import { holdsPlanItem } from "../appointment-record";
import { whyNoSlot } from "../booking-obstacles";
import { refusal, snapshotOf, type CaseRow } from "../case-record";
import { findSlots } from "../slots";
import { checkPeopleAndPlace } from "./check";
import { resourceNames, type ResourceName, type Resources } from "./resources";
import type { Admission } from "@/lib/domain/vocabulary";

/** The plan item a dressing or physiotherapy booking holds, with what the pathway checks of it. */
type PlanItem = {
  dressingVisitId: string | null;
  dressing: { dueOn: Day } | null;
  physioSessionId: string | null;
  physio: { number: number } | null;
};

export type ResolvedBooking = {
  slot: Interval;
  /** The slot's calendar day at the site. */
  day: Day;
  planItem: PlanItem;
  admission: Admission | null;
};

/**
 * When the booking is and what it holds: the slot from `start` to the input's end or the site's
 * length for its kind; the plan item (the one named, else the dressing due that day or the first
 * unbooked physiotherapy session), `not_found` naming the field for an item of another case, 422 (PO-3,
 * PW-3) when none is left; for an arthroscopy, the admission asked for, else the one the valid
 * assessment implies (SX-4).
 */
export async function resolveBooking(
  tx: Tx,
  row: CaseRow,
  input: AppointmentInput,
  start: Date,
  policies: ClinicPolicies,
): Promise<ResolvedBooking> {
  const end = input.end ? new Date(input.end) : new Date(start.getTime() + policies.durations[input.kind] * 60_000);
  const day = dayOf(start, row.site.timeZone);
  const planItem = await resolvePlanItem(tx, row, input, day);
  const admission = input.kind === "arthroscopy" ? (input.admission ?? admissionOf(row, day, policies)) : null;
  return { slot: { start, end }, day, planItem, admission };
}

/** SX-4: the admission the case's assessment valid on `day` implies, or null without one. */
export function admissionOf(row: CaseRow, day: Day, policies: ClinicPolicies) {
  const valid = validAssessmentFor(snapshotOf(row), day, policies);
  return valid.ok ? admissionFor(valid.assessment) : null;
}

/** A plan item named for the booking that the case does not have: `not_found` naming the field, not a rule about the plan. */
const notOfThisCase = (path: string, what: string) =>
  notFoundBecause(`This ${what} is not one of the case's.`, {
    errors: [{ path, message: `No such ${what} of this case` }],
  });

/**
 * The plan item a booking of `input.kind` on `day` holds (PO-3, PO-4): throws `not_found` naming
 * the field for an item of another case, 422 (PO-3, PW-3) when none is left.
 */
export async function resolvePlanItem(
  tx: Tx,
  row: CaseRow,
  input: Pick<AppointmentInput, "kind" | "dressingVisitId" | "physioSessionId">,
  day: Day,
): Promise<PlanItem> {
  if (input.kind === "dressing") {
    const visit = input.dressingVisitId
      ? await tx.dressingVisit.findFirst({ where: { id: input.dressingVisitId, caseId: row.id } })
      : await tx.dressingVisit.findFirst({ where: { caseId: row.id, dueOn: dateColumn(day), status: "planned" } });
    if (!visit && input.dressingVisitId) throw notOfThisCase("dressingVisitId", "dressing visit");
    if (!visit)
      throw refusal(
        violation(
          "PO-3",
          `No dressing of this case is due on ${formatDay(day)}: dressings fall every other day from day 2.`,
        ),
      );
    return {
      dressingVisitId: visit.id,
      dressing: { dueOn: dayOfColumn(visit.dueOn) },
      physioSessionId: null,
      physio: null,
    };
  }
  if (input.kind === "physio") {
    const session = input.physioSessionId
      ? await tx.physioSession.findFirst({ where: { id: input.physioSessionId, caseId: row.id } })
      : await tx.physioSession.findFirst({
          where: { caseId: row.id, status: "planned", appointments: { none: holdsPlanItem } },
          orderBy: { number: "asc" },
        });
    if (!session && input.physioSessionId) throw notOfThisCase("physioSessionId", "physiotherapy session");
    if (!session) throw refusal(violation("PW-3", "Every planned physiotherapy session of this case is booked."));
    return { dressingVisitId: null, dressing: null, physioSessionId: session.id, physio: { number: session.number } };
  }
  return { dressingVisitId: null, dressing: null, physioSessionId: null, physio: null };
}

/** Who and where the booking holds, and which of them the server chose (the client did not name them). */
export type Staffing = { resources: Resources; chosen: ResourceName[] };

const chosenByServer = ["clinicianId", "anaesthetistId", "roomId"] as const;

/**
 * The clinician, anaesthetist and room the kind needs (SC-3): the ones named, the others the
 * first free at the booking's slot with the named ones. When none is free, the error says why:
 * a named one wrong (404, SC-3) or off (SC-2) first, then what stood in the way (SC-1, SC-2).
 */
export async function resolveResources(
  tx: Tx,
  row: CaseRow,
  input: AppointmentInput,
  booking: ResolvedBooking,
  now: Date,
): Promise<Staffing> {
  const need = requirements[input.kind];
  const named = {
    clinicianId: input.clinicianId ?? null,
    anaesthetistId: input.anaesthetistId ?? null,
    roomId: input.homeVisit ? null : (input.roomId ?? null),
  };
  const unnamed =
    (need.clinician && !named.clinicianId) ||
    (need.anaesthetist && !named.anaesthetistId) ||
    (!input.homeVisit && !named.roomId);
  if (!unnamed) return { resources: { ...named, patientId: row.patientId }, chosen: [] };
  const { slot, day } = booking;
  const slotQuery = {
    siteId: row.siteId,
    timeZone: row.site.timeZone,
    kind: input.kind,
    minutes: (slot.end.getTime() - slot.start.getTime()) / 60_000,
    from: day,
    to: day,
    patientId: row.patientId,
    notBefore: now,
    clinicianId: named.clinicianId ?? undefined,
    anaesthetistId: named.anaesthetistId ?? undefined,
    roomId: input.homeVisit ? null : (named.roomId ?? undefined),
    exactStart: slot.start,
    limit: 1,
  };
  const [found] = await findSlots(tx, slotQuery);
  if (!found) {
    const site = { id: row.siteId, timeZone: row.site.timeZone };
    await checkPeopleAndPlace(tx, input.kind, { ...named, patientId: row.patientId }, slot, site, true);
    throw await whyNoSlot(tx, slotQuery);
  }
  return {
    resources: {
      clinicianId: found.clinicianId,
      anaesthetistId: found.anaesthetistId,
      roomId: found.roomId,
      patientId: row.patientId,
    },
    chosen: chosenByServer.filter((key) => !named[key] && found[key]).map((key) => resourceNames[key]),
  };
}
