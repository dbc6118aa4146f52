// The outcomes report's SQL aggregates against the pure measures of lib/domain/outcome-measures.ts
// on the same records, written at random into the real database for the cases of one site.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { outcomeMeasures, type OperatedCase } from "@/lib/domain/outcome-measures";
import { addDays, addMonthsClamped, daysBetween } from "@/lib/domain/time";
import { clavienDindoGrades, complicationKinds, painTimepoints, returnActivities } from "@/lib/domain/vocabulary";
import { outcomesReport } from "@/lib/services/analytics-outcomes";
import { createActor, testDatabase } from "../setup/db";
import { dayFromToday, now, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let staff: Team & { admin: Actor };
/** The site's operated cases in the period, and one operated before it. */
const cohort: { caseId: string; operatedOn: string }[] = [];
let before: string;
const period = { from: dayFromToday(-420), to: today() };

beforeAll(async () => {
  ({ staff } = await createClinic(prisma));
  // Operated 400 days ago (past every point), 200, 62 and 58 (either side of the running
  // milestone, by the month) and today.
  for (const operatedDaysAgo of [400, 200, 62, 58, 0]) {
    const { caseId } = await caseAt(staff, "operated", { operatedDaysAgo });
    cohort.push({ caseId, operatedOn: dayFromToday(-operatedDaysAgo) });
  }
  ({ caseId: before } = await caseAt(staff, "operated", { operatedDaysAgo: 430 }));
  // Another site's operated case with a complication is not this site's.
  const other = await createClinic(prisma);
  const { caseId } = await caseAt(other.team, "operated", { operatedDaysAgo: 30 });
  await prisma.complication.create({
    data: { caseId, occurredOn: dateColumn(today()), kind: "crps", grade: "II", recordedById: other.team.surgeon.id },
  });
}, 120_000);

/** Whether a generated score is the patient's own report (every untimed one is). */
const isPatients = (s: { timepoint: string | null; byPatient: boolean }) => s.timepoint === null || s.byPatient;

const recordsArb = fc.record({
  // An untimed score is the patient's; a timed one a clinician's or the patient's (a clinician's
  // stands over it). A patient reports at most one a day (OC-1, the database's unique index): as
  // many clinicians' as come, on any day.
  scores: fc.uniqueArray(
    fc.record({
      timepoint: fc.constantFrom(...painTimepoints, null),
      byPatient: fc.boolean(),
      daysAgo: fc.integer({ min: 0, max: 3 }),
      secondsAgo: fc.integer({ min: 0, max: 2 }),
      score: fc.integer({ min: 0, max: 10 }),
    }),
    {
      maxLength: 8,
      comparator: (a, b) => isPatients(a) && isPatients(b) && a.daysAgo === b.daysAgo,
    },
  ),
  // Days from the operation; half of them about the two-month milestone (59-62 days by the month).
  returns: fc.array(fc.option(fc.oneof(fc.integer({ min: 57, max: 64 }), fc.integer({ min: 21, max: 120 }))), {
    minLength: 4,
    maxLength: 4,
  }),
  complications: fc.array(
    fc.record({ kind: fc.constantFrom(...complicationKinds), grade: fc.constantFrom(...clavienDindoGrades) }),
    { maxLength: 2 },
  ),
});

type Records = typeof recordsArb extends fc.Arbitrary<infer T> ? T : never;

/** Replaces the outcome records of `caseId` with `records`, as the commands would have stored them. */
async function store(caseId: string, operatedOn: string, records: Records) {
  await prisma.painScore.deleteMany({ where: { caseId } });
  await prisma.activityReturn.deleteMany({ where: { caseId } });
  await prisma.complication.deleteMany({ where: { caseId } });
  const surgeon = staff.surgeon.id;
  await prisma.painScore.createMany({
    data: records.scores.map((s) => ({
      caseId,
      recordedOn: dateColumn(dayFromToday(-s.daysAgo)),
      recordedAt: new Date(now().getTime() - s.secondsAgo * 1000),
      score: s.score,
      timepoint: s.timepoint,
      source: isPatients(s) ? ("patient" as const) : ("clinician" as const),
      recordedById: isPatients(s) ? null : surgeon,
    })),
  });
  await prisma.activityReturn.createMany({
    data: returnActivities.flatMap((activity, i) => {
      const days = records.returns[i];
      if (days == null) return [];
      const sport = activity === "sport" ? "Tennis" : null;
      return [{ caseId, activity, sport, resumedOn: dateColumn(addDays(operatedOn, days)), recordedById: surgeon }];
    }),
  });
  await prisma.complication.createMany({
    data: records.complications.map((k) => ({
      caseId,
      occurredOn: dateColumn(operatedOn),
      kind: k.kind,
      grade: k.grade,
      notes: k.kind === "other" ? "Blister" : null,
      recordedById: surgeon,
    })),
  });
}

/** The cohort's records as the domain takes them, read back from the database. */
async function operatedCases(): Promise<OperatedCase[]> {
  return Promise.all(
    cohort.map(async ({ caseId, operatedOn }) => {
      const [scores, returns, complications] = await Promise.all([
        prisma.painScore.findMany({ where: { caseId } }),
        prisma.activityReturn.findMany({ where: { caseId } }),
        prisma.complication.findMany({ where: { caseId } }),
      ]);
      return {
        caseId,
        operatedOn,
        painScores: scores.map((s) => ({ ...s, recordedOn: dayOfColumn(s.recordedOn) })),
        returns: returns.map((r) => ({ activity: r.activity, resumedOn: dayOfColumn(r.resumedOn) })),
        complications,
      };
    }),
  );
}

const withoutCaseIds = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (key, v) => (key === "caseIds" || key === "improvedCaseIds" ? undefined : v)));

describe("the outcomes report of the cases operated in a period (OC-1..OC-4)", () => {
  it("equals the pure outcome measures of the same records, whatever they are (OC-1, OC-2, OC-3, OC-4)", async () => {
    const beforeRecords = {
      scores: [{ timepoint: "month_3" as const, byPatient: false, daysAgo: 0, secondsAgo: 0, score: 0 }],
      returns: [30, 30, 61, 90],
      complications: [{ kind: "crps" as const, grade: "V" as const }],
    };
    await store(before, dayFromToday(-430), beforeRecords);
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordsArb, { minLength: cohort.length, maxLength: cohort.length }),
        async (records) => {
          for (const [i, { caseId, operatedOn }] of cohort.entries()) await store(caseId, operatedOn, records[i]!);
          const expected = outcomeMeasures(await operatedCases(), 2, today());
          const report = withoutCaseIds(await outcomesReport(staff.surgeon, period, now()));
          expect(report.operations).toBe(cohort.length);
          expect(report.pain).toEqual(expected.pain);
          expect(report.improvement).toEqual({ importantDifference: 2, points: expected.improvement });
          expect(report.returns).toEqual(expected.returns);
          expect(report.running).toEqual(expected.running);
          expect(report.complications).toEqual(expected.complications);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);

  it("counts a patient who ran again on the two-month milestone day itself as back by it, not one a day later (OC-2)", async () => {
    const none = { scores: [], returns: [null, null, null, null], complications: [] };
    for (const { caseId, operatedOn } of cohort) await store(caseId, operatedOn, none);
    const [onTime, late] = cohort;
    const milestoneDays = (on: string) => daysBetween(on, addMonthsClamped(on, 2));
    await store(onTime!.caseId, onTime!.operatedOn, {
      ...none,
      returns: [null, null, milestoneDays(onTime!.operatedOn), null],
    });
    await store(late!.caseId, late!.operatedOn, {
      ...none,
      returns: [null, null, milestoneDays(late!.operatedOn) + 1, null],
    });
    const { running } = await outcomesReport(staff.surgeon, period, now());
    expect(running).toMatchObject({ operated: 5, back: 1, caseIds: [onTime!.caseId] });
    // Operated 400, 200 and 62 days ago: the milestone (59 to 62 days by the month) has passed.
    expect(running.followed).toBe(3);
  });

  it("names the cases behind each figure to a surgeon, and no case to an administrator", async () => {
    const [first] = cohort;
    await store(first!.caseId, first!.operatedOn, {
      scores: [
        { timepoint: "pre_op", byPatient: false, daysAgo: 0, secondsAgo: 0, score: 8 },
        { timepoint: "month_3", byPatient: false, daysAgo: 0, secondsAgo: 0, score: 3 },
      ],
      returns: [null, null, 61, null],
      complications: [{ kind: "wound_infection", grade: "II" }],
    });
    const surgeons = await outcomesReport(staff.surgeon, period, now());
    const month3 = surgeons.improvement.points.find((p) => p.timepoint === "month_3")!;
    expect(month3.improvedCaseIds).toContain(first!.caseId);
    expect(surgeons.pain.find((p) => p.timepoint === "pre_op")!.caseIds).toContain(first!.caseId);
    expect(surgeons.complications.byKind.find((k) => k.kind === "wound_infection")!.caseIds).toContain(first!.caseId);
    const admins = await outcomesReport(staff.admin, period, now());
    expect(withoutCaseIds(admins)).toEqual(admins);
    for (const { caseId } of cohort) expect(JSON.stringify(admins)).not.toContain(caseId);
  });

  it("is refused to a role without the dashboard", async () => {
    await expect(outcomesReport(staff.nurse, period, now())).rejects.toMatchObject({ kind: "forbidden" });
    await expect(outcomesReport(await createActor(prisma, "physio"), period, now())).rejects.toMatchObject({
      kind: "forbidden",
    });
  });
});
