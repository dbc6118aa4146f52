import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessmentValidAtOperation,
  caseCompliance,
  clearancesNotEarly,
  crutchWeaningInWindow,
  dressingsOnDueDay,
  firstPhysioOnTime,
  longestDressingGap,
  measuredRules,
  type ComplianceRecord,
  type Period,
} from "@/lib/domain/compliance";
import { defaultPolicies } from "@/lib/domain/policies";
import { addDays, type Day } from "@/lib/domain/time";
import { summariseStages, stageWaits, waitsByStage, type StageDays } from "@/lib/domain/stage-waits";
import { dayFromToday, today } from "../setup/clock";
import { complianceRecord, period as periodArb } from "./compliance-arbitrary";

const none: ComplianceRecord = {
  operationDay: null,
  assessedOn: null,
  crutchReview: null,
  crutchesWeanedOn: null,
  dressings: [],
  firstPhysio: null,
  clearances: [],
};
const operated = (d0: Day, more: Partial<ComplianceRecord> = {}): ComplianceRecord => ({
  ...none,
  operationDay: d0,
  crutchReview: { from: addDays(d0, 10), to: addDays(d0, 15) },
  ...more,
});
const all: Period = { from: dayFromToday(-800), to: today() };

describe("OC-5 compliance measures of one case's record (properties)", () => {
  it("OC-5: every measure counts met <= eligible, and splitting the period splits the counts", () => {
    fc.assert(
      fc.property(complianceRecord(), periodArb(), fc.integer({ min: 0, max: 400 }), (record, period, cut) => {
        const split = addDays(period.from, cut);
        const whole = caseCompliance(record, period, today(), defaultPolicies);
        const parts = [
          { from: period.from, to: split < period.to ? split : period.to },
          { from: split < period.to ? addDays(split, 1) : addDays(period.to, 1), to: period.to },
        ].filter((p) => p.from <= p.to);
        for (const rule of measuredRules) {
          expect(whole[rule].met).toBeGreaterThanOrEqual(0);
          expect(whole[rule].met).toBeLessThanOrEqual(whole[rule].eligible);
          const summed = parts
            .map((p) => caseCompliance(record, p, today(), defaultPolicies)[rule])
            .reduce((a, b) => ({ eligible: a.eligible + b.eligible, met: a.met + b.met }), { eligible: 0, met: 0 });
          expect(summed, rule).toEqual(whole[rule]);
        }
      }),
    );
  });

  it("OC-5: nothing dated after today counts, whatever the period's end", () => {
    fc.assert(
      fc.property(complianceRecord(), periodArb(), (record, period) => {
        const later = { from: period.from, to: addDays(today(), 60) };
        const upToToday = { from: period.from, to: today() };
        if (period.from > today()) return;
        expect(caseCompliance(record, later, today(), defaultPolicies)).toEqual(
          caseCompliance(record, upToToday, today(), defaultPolicies),
        );
      }),
    );
  });

  it("PO-3: a series done every other day on its due days meets every visit, with a longest gap of 2", () => {
    fc.assert(
      fc.property(fc.integer({ min: 30, max: 300 }), fc.integer({ min: 2, max: 12 }), (daysAgo, visits) => {
        const d0 = dayFromToday(-daysAgo);
        const dressings = Array.from({ length: visits }, (_, i) => {
          const dueOn = addDays(d0, 2 * (i + 1));
          return { dueOn, status: "done" as const, replaced: false, recordedOn: dueOn };
        });
        const record = operated(d0, { dressings });
        expect(dressingsOnDueDay(record, all, today())).toEqual({ eligible: visits, met: visits });
        expect(longestDressingGap(record, all)).toBe(visits > 1 ? 2 : null);
      }),
    );
  });

  it("PO-3: a visit recorded a day late, a missed one and one due today not done are not met; cancelled and replaced visits are not counted", () => {
    const d0 = dayFromToday(-10);
    const record = operated(d0, {
      dressings: [
        { dueOn: addDays(d0, 2), status: "done", replaced: false, recordedOn: addDays(d0, 2) },
        { dueOn: addDays(d0, 4), status: "done", replaced: false, recordedOn: addDays(d0, 5) },
        { dueOn: addDays(d0, 6), status: "missed", replaced: true, recordedOn: null },
        { dueOn: addDays(d0, 7), status: "missed", replaced: false, recordedOn: null },
        { dueOn: addDays(d0, 9), status: "cancelled", replaced: false, recordedOn: null },
        { dueOn: addDays(d0, 10), status: "planned", replaced: false, recordedOn: null },
      ],
    });
    expect(dressingsOnDueDay(record, all, today())).toEqual({ eligible: 4, met: 1 });
    // Done on D2 and D5: a gap of 3 days.
    expect(longestDressingGap(record, all)).toBe(3);
    // The pair counts in the period of its later dressing only.
    expect(longestDressingGap(record, { from: addDays(d0, 3), to: addDays(d0, 5) })).toBe(3);
    expect(longestDressingGap(record, { from: addDays(d0, 6), to: today() })).toBeNull();
  });

  it("PO-1: weaning on D10 and D15 is within the window, D9 and D16 or none is not; counted in the period of D15", () => {
    const d0 = dayFromToday(-40);
    const on = (day: number | null) =>
      crutchWeaningInWindow(
        operated(d0, { crutchesWeanedOn: day === null ? null : addDays(d0, day) }),
        { from: addDays(d0, 15), to: addDays(d0, 15) },
        today(),
      );
    expect([10, 15, 9, 16, null].map(on)).toEqual([
      { eligible: 1, met: 1 },
      { eligible: 1, met: 1 },
      { eligible: 1, met: 0 },
      { eligible: 1, met: 0 },
      { eligible: 1, met: 0 },
    ]);
    expect(crutchWeaningInWindow(operated(d0), { from: addDays(d0, 10), to: addDays(d0, 14) }, today())).toEqual({
      eligible: 0,
      met: 0,
    });
  });

  it("PO-4: a first session held on its due day is met, a day later or never is not; a cancelled one is not counted", () => {
    const d0 = dayFromToday(-30);
    const dueBy = addDays(d0, 7);
    const first = (heldOn: Day | null, status: "done" | "planned" | "cancelled" = "done") =>
      firstPhysioOnTime(operated(d0, { firstPhysio: { dueBy, status, heldOn } }), all, today());
    expect(first(dueBy)).toEqual({ eligible: 1, met: 1 });
    expect(first(addDays(dueBy, 1))).toEqual({ eligible: 1, met: 0 });
    expect(first(null, "planned")).toEqual({ eligible: 1, met: 0 });
    expect(first(null, "cancelled")).toEqual({ eligible: 0, met: 0 });
  });

  it("PO-6: running cleared on D0 + 2 months (clamped to the month's end) is met, a day earlier is not; cycling from D21; another sport is not counted", () => {
    const d0 = "2025-12-31";
    const record = operated(d0, {
      clearances: [
        { activity: "running", clearedOn: "2026-02-28" },
        { activity: "running", clearedOn: "2026-02-27" },
        { activity: "cycling", clearedOn: addDays(d0, 21) },
        { activity: "swimming", clearedOn: addDays(d0, 20) },
        { activity: "other", clearedOn: addDays(d0, 3) },
      ],
    });
    expect(clearancesNotEarly(record, { from: d0, to: "2026-03-31" }, "2026-06-01")).toEqual({ eligible: 4, met: 2 });
  });

  it("SX-3: an assessment up to the validity days before the operation is valid, one day more or after it is not", () => {
    const d0 = dayFromToday(-5);
    const at = (assessedOn: Day | null) =>
      assessmentValidAtOperation(operated(d0, { assessedOn }), all, today(), defaultPolicies).met;
    const validity = defaultPolicies.assessmentValidityDays;
    expect([addDays(d0, -validity), d0, addDays(d0, -validity - 1), addDays(d0, 1), null].map(at)).toEqual([
      1, 1, 0, 0, 0,
    ]);
  });
});

describe("waits between the pathway's stages", () => {
  const stageDays = fc
    .tuple(
      fc.integer({ min: 0, max: 900 }),
      fc.option(fc.integer({ min: 0, max: 100 })),
      fc.option(fc.integer({ min: 0, max: 100 })),
      fc.option(fc.integer({ min: 0, max: 200 })),
      fc.integer({ min: 0, max: 300 }),
    )
    .map(([opAgo, dx, fl, li, op]): StageDays => {
      const operationDay = dayFromToday(-opAgo);
      const referredOn = addDays(operationDay, -op - (dx ?? 0) - (fl ?? 0) - (li ?? 0));
      const diagnosedOn = dx === null ? null : addDays(referredOn, dx);
      const firstLineOn = diagnosedOn && fl !== null ? addDays(diagnosedOn, fl) : null;
      const listedOn = li === null ? null : addDays(operationDay, -op);
      return { referredOn, diagnosedOn, firstLineOn, listedOn, operationDay };
    });

  it("the stage waits add up to the whole pathway when every stage is recorded", () => {
    fc.assert(
      fc.property(stageDays, (c) => {
        const w = stageWaits(c);
        if (Object.values(w).some((v) => v === null)) return;
        expect(
          w.referral_to_diagnosis! + w.diagnosis_to_first_line! + w.first_line_to_listing! + w.listing_to_operation!,
        ).toBe(w.referral_to_operation);
      }),
    );
  });

  it("each stage's median and 90th percentile are nearest-rank over the cases with both days; a missing stage is not counted", () => {
    const d0 = today();
    const cases: StageDays[] = Array.from({ length: 10 }, (_, i) => ({
      referredOn: addDays(d0, -100 - i),
      diagnosedOn: addDays(d0, -100 - i + (i + 1)),
      firstLineOn: i < 5 ? null : addDays(d0, -90),
      listedOn: addDays(d0, -30),
      operationDay: d0,
    }));
    const summary = summariseStages(waitsByStage(cases.map(stageWaits)));
    const of = (stage: string) => summary.find((s) => s.stage === stage)!;
    expect(of("referral_to_diagnosis")).toMatchObject({ cases: 10, medianDays: 5, p90Days: 9 });
    expect(of("diagnosis_to_first_line").cases).toBe(5);
    expect(of("listing_to_operation")).toMatchObject({ cases: 10, medianDays: 30, p90Days: 30 });
    expect(
      summariseStages(waitsByStage([])).every((s) => s.cases === 0 && s.medianDays === null && s.p90Days === null),
    ).toBe(true);
  });
});
