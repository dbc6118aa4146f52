// The demo's recovery after the operation, through the real commands with the clock set to each
// past day: dressings, the first physiotherapy session, crutch weaning, clearances and discharge.
import { dayOfColumn } from "@/lib/db/dates";
import { bookAppointment } from "@/lib/services/appointments";
import { bookPostOperativeSeries } from "@/lib/services/appointment-series";
import { dischargeCase, recordClearance, recordCrutchWeaning } from "@/lib/services/case-commands";
import {
  recordDressing,
  recordDressingVisit,
  recordPhysioSession,
  replaceMissedDressing,
} from "@/lib/services/recovery";
import { addDays, daysBetween, instantAt, weekdayAfter, type Day } from "@/lib/domain/time";
import { demoZone } from "./demo-cases";
import type { SeedTeam, Then } from "./seed";

/** The case's operation day D0 (site calendar day). */
export async function operationDayOf({ prisma }: SeedTeam, caseId: string): Promise<Day> {
  const plan = await prisma.carePlan.findUniqueOrThrow({ where: { caseId }, select: { operationDay: true } });
  return dayOfColumn(plan.operationDay);
}

export const offCrutches =
  (daysAgo: number): Then =>
  ({ surgeon }, caseId, _course, { now, today }) =>
    recordCrutchWeaning(surgeon, caseId, { recordedOn: addDays(today, -daysAgo) }, now);

/** PO-1: off crutches on day `day` after the operation (D10-D15 keeps the protocol). */
export const weanedOnDay =
  (day: number): Then =>
  async (team, caseId, _course, { now }) =>
    recordCrutchWeaning(team.surgeon, caseId, { recordedOn: addDays(await operationDayOf(team, caseId), day) }, now);

export const cleared =
  (activities: ("cycling" | "swimming" | "running")[]): Then =>
  async ({ surgeon }, caseId, _course, { now, today }) => {
    for (const activity of activities)
      await recordClearance(surgeon, caseId, { activity, clearedOn: today, sport: null }, now);
  };

/**
 * PO-6: each activity cleared on its day after the operation, when that day has come (by the
 * physiotherapist, or the surgeon for the patient's own sport).
 */
export const clearedOnDays =
  (days: { cycling?: number; swimming?: number; running?: number; sport?: { name: string; day: number } }): Then =>
  async (team, caseId, _course, { now, today }) => {
    const d0 = await operationDayOf(team, caseId);
    const milestones = (["cycling", "swimming", "running"] as const).flatMap((activity) =>
      days[activity] === undefined ? [] : [{ activity, day: days[activity], sport: null }],
    );
    for (const m of milestones) {
      const clearedOn = addDays(d0, m.day);
      if (clearedOn <= today) await recordClearance(team.physio, caseId, { activity: m.activity, clearedOn }, now);
    }
    const sport = days.sport;
    if (sport && addDays(d0, sport.day) <= today)
      await recordClearance(
        team.surgeon,
        caseId,
        { activity: "other", sport: sport.name, clearedOn: addDays(d0, sport.day) },
        now,
      );
  };

export const series: Then = ({ reception }, caseId, _course, { now }) =>
  bookPostOperativeSeries(reception, caseId, { dressingTime: "09:00", physioTime: "11:00", preview: false }, now);

/**
 * The recovery so far, through the real commands with the clock set to each past day: every
 * dressing due before today booked at `hour` and recorded (one left missed, or, with `replaceMissed`,
 * marked missed the next morning and replaced by a visit that day; one showing signs of infection;
 * "healed" ending the series; with `fromTheRound`, recorded on their visits without a booking, as
 * the nurse's round does), and the first physiotherapy session if `physio`, on the
 * first weekday after the operation or, late, on the first weekday from day `firstPhysioDay`.
 */
export const recoverySoFar =
  (o: {
    hour: number;
    missDay?: number;
    replaceMissed?: boolean;
    fromTheRound?: boolean;
    infectionDay?: number;
    healedDay?: number;
    physio: boolean;
    firstPhysioDay?: number;
  }): Then =>
  async (team, caseId, _course, { today }) => {
    const { nurse, physio, prisma } = team;
    const zone = demoZone;
    const d0 = await operationDayOf(team, caseId);
    const skipped: string[] = [];
    for (;;) {
      const visit = await prisma.dressingVisit.findFirst({
        where: { caseId, status: "planned", dueOn: { lt: new Date(`${today}T00:00:00Z`) }, id: { notIn: skipped } },
        orderBy: { dueOn: "asc" },
      });
      if (!visit) break;
      const due = dayOfColumn(visit.dueOn);
      const day = daysBetween(d0, due);
      if (day === o.missDay) {
        if (o.replaceMissed)
          await replaceMissedDressing(nurse, caseId, visit.id, instantAt(addDays(due, 1), 8, 0, zone));
        skipped.push(visit.id);
        continue;
      }
      const woundState =
        day === o.healedDay
          ? "healed"
          : day === o.infectionDay
            ? "signs_of_infection"
            : day <= 4
              ? "exudate"
              : "clean_dry";
      const recorded = instantAt(due, 17, 0, zone);
      if (o.fromTheRound) {
        await recordDressingVisit(nurse, visit.id, { woundState, notes: null }, recorded);
        continue;
      }
      const booked = await bookAppointment(
        nurse,
        {
          caseId,
          kind: "dressing",
          start: instantAt(due, o.hour, 0, zone).toISOString(),
          homeVisit: true,
          dressingVisitId: visit.id,
        },
        instantAt(due, 0, 0, zone),
      );
      await recordDressing(nurse, booked.id, { woundState, notes: null }, recorded);
    }
    if (o.physio) {
      const day =
        o.firstPhysioDay === undefined ? weekdayAfter(d0, 1) : weekdayAfter(addDays(d0, o.firstPhysioDay - 1), 1);
      if (day < today) {
        const session = await bookAppointment(
          physio,
          { caseId, kind: "physio", start: instantAt(day, o.hour + 1, 0, zone).toISOString() },
          instantAt(day, 0, 0, zone),
        );
        await recordPhysioSession(
          physio,
          session.id,
          { notes: "Gait with crutches, ankle range of motion", exercises: "Ankle pumps, isometrics", progress: null },
          instantAt(day, 17, 0, zone),
        );
      }
    }
  };

/**
 * Today's dressing, if one is due, booked at `hour` site time by the nurse with the clock at
 * today's midnight, as the morning's round would have been: the demo's round has visits to
 * record whatever the hour the demo is loaded.
 */
export const todaysDressing =
  (hour: number): Then =>
  async ({ reception, nurse, prisma }, caseId, _course, { today }) => {
    const due = await prisma.dressingVisit.findFirst({
      where: {
        caseId,
        status: "planned",
        dueOn: new Date(`${today}T00:00:00Z`),
        appointments: { none: { status: "booked" } },
      },
    });
    if (!due) return;
    const start = instantAt(today, hour, 0, demoZone);
    await bookAppointment(
      reception,
      {
        caseId,
        kind: "dressing",
        start: start.toISOString(),
        dressingVisitId: due.id,
        clinicianId: nurse.id,
        homeVisit: true,
      },
      instantAt(today, 0, 0, demoZone),
    );
  };

export const dischargedToday: Then = ({ surgeon }, caseId, _course, { now, today }) =>
  dischargeCase(surgeon, caseId, { dischargedOn: today, notes: "Back to full activity." }, now);

/** Discharged by the surgeon on day `day` after the operation, when that day has come. */
export const dischargedOnDay =
  (day: number): Then =>
  async (team, caseId, _course, { now, today }) => {
    const on = addDays(await operationDayOf(team, caseId), day);
    if (on <= today)
      await dischargeCase(team.surgeon, caseId, { dischargedOn: on, notes: "Back to full activity." }, now);
  };
