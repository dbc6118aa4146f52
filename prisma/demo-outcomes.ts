// The demo's outcomes (OC-1..OC-3): pain scores at the time points each patient has reached,
// returns to activity after their clearances, and a few complications, so that every chart of
// the dashboard has data. Each is recorded through the product's own service, so the demo keeps
// the rules staff are held to.
import { recordActivityReturn, recordComplication } from "@/lib/services/outcome-records";
import { recordPainScore } from "@/lib/services/pain-scores";
import { dayOfColumn } from "@/lib/db/dates";
import { addDays, addMonthsClamped, type Day } from "@/lib/domain/time";
import type { ClavienDindoGrade, ComplicationKind, PainTimepoint, ReturnActivity } from "@/lib/domain/vocabulary";
import { operationDayOf } from "./demo-recovery";
import type { Then } from "./seed";

/** How the patient's pain goes after the operation. */
export type Course = "improves" | "no_change";

/**
 * The scores of patient number `n` (any whole number: it varies the figures and days, always the
 * same for the same `n`): referral 6-8, listing 6-8, pre-operative 6-7, then, when the operation
 * worked, 3-5 at 6 weeks, 2-3 at 3 months, 1-2 at 6 months and 0-2 at 12 months, or 5-7
 * throughout when it did not. Each is recorded inside its window (OC-1: referral within 14 days
 * after it, listing +/- 14, pre-operative within 30 days before the operation, 6 weeks and 3 months
 * +/- 14 of their target, 6 and 12 months +/- 30) and only once its day has come; every seventh
 * patient missed the 12-month review and every ninth the 6-month one.
 */
export const painScores =
  (n: number, course: Course = "improves"): Then =>
  async (team, caseId, _course, { now, today }) => {
    const kase = await team.prisma.clinicalCase.findUniqueOrThrow({
      where: { id: caseId },
      select: { referredOn: true, listing: { select: { listedOn: true } } },
    });
    const d0 = await operationDayOf(team, caseId);
    // Days within a few of the target, so the score sits in its window whichever way the target is counted.
    const jitter = ((n * 3) % 11) - 5;
    const worked = course === "improves";
    const points: [PainTimepoint, Day, number][] = [
      ["referral", addDays(dayOfColumn(kase.referredOn), n % 10), 6 + (n % 3)],
      ["listing", addDays(dayOfColumn(kase.listing!.listedOn), (n % 5) - 2), 6 + ((n + 1) % 3)],
      ["pre_op", addDays(d0, -(3 + (n % 15))), 6 + (n % 2)],
      ["week_6", addDays(d0, 42 + jitter), worked ? 3 + (n % 3) : 6],
      ["month_3", addDays(addMonthsClamped(d0, 3), jitter), worked ? 2 + (n % 2) : 6 + (n % 2)],
      ["month_6", addDays(addMonthsClamped(d0, 6), jitter), worked ? 1 + ((n + 1) % 2) : 5 + (n % 2)],
      ["month_12", addDays(addMonthsClamped(d0, 12), jitter), worked ? n % 3 : 6],
    ];
    const missed = (p: PainTimepoint) => (p === "month_12" && n % 7 === 3) || (p === "month_6" && n % 9 === 4);
    for (const [timepoint, recordedOn, score] of points)
      if (recordedOn <= today && !missed(timepoint))
        await recordPainScore(team.surgeon, caseId, { timepoint, recordedOn, score }, now);
  };

/**
 * OC-2: the first day back at each activity, `days` after the operation, recorded by the
 * physiotherapist once the day has come and only after the activity's clearance (PO-6; a return
 * to the patient's own sport after the surgeon cleared that sport). `atPreviousLevel`: whether
 * they came back at their previous level (not yet known for returns within 30 days of today).
 */
export const returnsOnDays =
  (
    days: Partial<Record<Exclude<ReturnActivity, "sport">, number>> & { sport?: number },
    atPreviousLevel = true,
  ): Then =>
  async (team, caseId, _course, { now, today }) => {
    const d0 = await operationDayOf(team, caseId);
    const clearances = await team.prisma.clearance.findMany({ where: { caseId } });
    for (const activity of ["cycling", "swimming", "running", "sport"] as const) {
      const day = days[activity];
      const clearance = clearances.find((c) => c.activity === (activity === "sport" ? "other" : activity));
      if (day === undefined || !clearance) continue;
      const resumedOn = addDays(d0, day);
      if (resumedOn > today || resumedOn < dayOfColumn(clearance.clearedOn)) continue;
      const previousLevel = addDays(resumedOn, 30) > today ? null : atPreviousLevel;
      const sport = activity === "sport" ? clearance.sport : null;
      await recordActivityReturn(team.physio, caseId, { activity, sport, resumedOn, previousLevel }, now);
    }
  };

/**
 * OC-3: a complication on day `day` after the operation, recorded by the surgeon; a wound
 * infection is raised from the dressing visit whose record showed signs of infection.
 */
export const complicationOnDay =
  (day: number, kind: ComplicationKind, grade: ClavienDindoGrade, notes: string): Then =>
  async (team, caseId, _course, { now, today }) => {
    const occurredOn = addDays(await operationDayOf(team, caseId), day);
    if (occurredOn > today) return;
    const infected =
      kind === "wound_infection"
        ? await team.prisma.dressingRecord.findFirst({ where: { caseId, woundState: "signs_of_infection" } })
        : null;
    await recordComplication(
      team.surgeon,
      caseId,
      { occurredOn, kind, grade, notes, dressingRecordId: infected?.id ?? null },
      now,
    );
  };
