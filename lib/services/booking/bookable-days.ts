// The days on which the pathway would accept a booking, or a move, of a case's appointment: the
// slot finder offers only those (so every slot it offers is accepted), with the same checks the
// booking and the move make on a day (SX-2..SX-4, PO-3, PO-4, PW-3).
import type { Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { DomainError } from "@/lib/domain/errors";
import type { ClinicPolicies } from "@/lib/domain/policies";
import { violation, type Violation } from "@/lib/domain/rules";
import { checkPathway, type AppointmentKind } from "@/lib/domain/scheduling";
import type { Day } from "@/lib/domain/time";
import type { Admission } from "@/lib/domain/vocabulary";
import { refusal, snapshotOf, type CaseRow } from "../case-record";
import { checkBookingPathway } from "./check";
import { admissionOf, resolvePlanItem } from "./resolve";

/** The days allowed, and the refusal of the first day refused (null when none was). */
export type BookableDays = { days: Day[]; refused: DomainError | null; refusedEveryDay: boolean };

/**
 * The days of `days` on which a booking of `kind` for the case `row` passes the pathway's rules,
 * as `bookAppointment` would check them on that day with the admission the assessment implies: a
 * dressing only on the due day of a planned visit no live appointment holds yet (PO-3).
 */
export async function bookableDays(
  tx: Tx,
  row: CaseRow,
  kind: AppointmentKind,
  days: Day[],
  today: Day,
  policies: ClinicPolicies,
): Promise<BookableDays> {
  const booked =
    kind === "dressing"
      ? await tx.dressingVisit.findMany({
          where: { caseId: row.id, dueOn: { in: days.map(dateColumn) }, appointments: { some: { status: "booked" } } },
          select: { dueOn: true },
        })
      : [];
  const taken = new Set(booked.map((v) => dayOfColumn(v.dueOn)));
  return sortDays(days, async (day) => {
    if (taken.has(day)) return refusal(violation("PO-3", `The dressing due on ${day} is already booked.`));
    try {
      const planItem = await resolvePlanItem(tx, row, { kind }, day);
      const admission = kind === "arthroscopy" ? admissionOf(row, day, policies) : null;
      checkBookingPathway(snapshotOf(row), kind, { day, admission, planItem }, today, policies);
      return null;
    } catch (error) {
      if (error instanceof DomainError && error.kind === "rule") return error;
      throw error;
    }
  });
}

/** The appointment being moved, as the move's pathway check reads it. */
export type MovingAppointment = {
  kind: AppointmentKind;
  admission: Admission | null;
  dressingVisit: { dueOn: Date } | null;
  physioSession: { number: number } | null;
};

/** Whether the pathway lets `appointment` move to `day` (PO-3: a dressing never later than its due day; SX-3). */
export function movePathwayRefusal(
  row: CaseRow,
  appointment: MovingAppointment,
  day: Day,
  today: Day,
  policies: ClinicPolicies,
): Violation | null {
  return checkPathway(
    snapshotOf(row),
    {
      kind: appointment.kind,
      day,
      today,
      admission: appointment.admission,
      dressing: appointment.dressingVisit && { dueOn: dayOfColumn(appointment.dressingVisit.dueOn) },
      physio: appointment.physioSession && { number: appointment.physioSession.number },
      moving: true,
    },
    policies,
  );
}

/** The days of `days` that `appointment` may move to. */
export function movableDays(
  row: CaseRow,
  appointment: MovingAppointment,
  days: Day[],
  today: Day,
  policies: ClinicPolicies,
): Promise<BookableDays> {
  return sortDays(days, async (day) => {
    const refused = movePathwayRefusal(row, appointment, day, today, policies);
    return refused && refusal(refused);
  });
}

async function sortDays(days: Day[], refusalOn: (day: Day) => Promise<DomainError | null>): Promise<BookableDays> {
  const allowed: Day[] = [];
  const refusals: DomainError[] = [];
  for (const day of days) {
    const refused = await refusalOn(day);
    if (refused) refusals.push(refused);
    else allowed.push(day);
  }
  const [first] = refusals;
  return {
    days: allowed,
    refused: first ?? null,
    // The same rule and words every day: a refusal of the case, not of the dates chosen.
    refusedEveryDay:
      allowed.length === 0 && refusals.every((r) => r.code === first?.code && r.message === first?.message),
  };
}
