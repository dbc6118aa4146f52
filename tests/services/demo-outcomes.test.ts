// The demo data's outcomes: what the pathway dashboard charts for a clinic trying the product
// (pain by time point, returns to activity, complications, compliance per rule). Seeded into a
// database of its own at the run's clock.
import { describe, expect, it } from "vitest";
import { dayOfColumn } from "@/lib/db/dates";
import { earliestClearance } from "@/lib/domain/care-plan";
import { defaultPolicies } from "@/lib/domain/policies";
import { addDays, addMonthsClamped, dayOf, daysBetween, type Day } from "@/lib/domain/time";
import { complicationKinds, painTimepoints, returnActivities } from "@/lib/domain/vocabulary";
import { recoveryBoard } from "@/lib/services/recovery-board";
import { now, siteZone, today } from "../setup/clock";
import { demoDatabase } from "../setup/demo";

const demo = demoDatabase();

const operatedCases = () =>
  demo().clinicalCase.findMany({
    where: { operation: { isNot: null } },
    include: {
      operation: true,
      listing: true,
      carePlan: true,
      painScores: { include: { recordedBy: true } },
      clearances: true,
      activityReturns: true,
      complications: { include: { recordedBy: true } },
      dressings: { include: { records: true } },
      physioRecords: { include: { appointment: true } },
    },
  });
type Operated = Awaited<ReturnType<typeof operatedCases>>[number];
const d0 = (c: Operated): Day => dayOfColumn(c.operation!.operationDay);

/** OC-1 in the clinic's words: the days a score at `timepoint` may fall on for this case. */
function painWindow(c: Operated, timepoint: (typeof painTimepoints)[number]): { from: Day; to: Day } {
  const days = defaultPolicies.painScoreWindowDays[timepoint];
  const around = (target: Day) => ({ from: addDays(target, -days), to: addDays(target, days) });
  switch (timepoint) {
    case "referral":
      return { from: dayOfColumn(c.referredOn), to: addDays(dayOfColumn(c.referredOn), days) };
    case "listing":
      return around(dayOfColumn(c.listing!.listedOn));
    case "pre_op":
      return { from: addDays(d0(c), -days), to: d0(c) };
    case "week_6":
      return around(addDays(d0(c), 42));
    case "month_3":
      return around(addMonthsClamped(d0(c), 3));
    case "month_6":
      return around(addMonthsClamped(d0(c), 6));
    case "month_12":
      return around(addMonthsClamped(d0(c), 12));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe("the demo's outcomes, for the dashboard's charts", () => {
  it("has 30 to 40 operated patients, operated over the last 14 months and in each of them", async () => {
    const cases = await operatedCases();
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(cases.length).toBeLessThanOrEqual(40);
    const earliest = addMonthsClamped(today(), -14);
    expect(cases.every((c) => d0(c) >= earliest && d0(c) <= today())).toBe(true);
    const months = new Set(cases.map((c) => d0(c).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(14);
  });

  it("scores pain at every time point, each score inside its window and never in the future (OC-1)", async () => {
    const cases = await operatedCases();
    const scores = cases.flatMap((c) => c.painScores.map((s) => ({ c, s })));
    for (const timepoint of painTimepoints)
      expect(scores.filter(({ s }) => s.timepoint === timepoint).length, timepoint).toBeGreaterThanOrEqual(3);
    const outside = scores.filter(({ c, s }) => {
      const window = painWindow(c, s.timepoint!);
      const on = dayOfColumn(s.recordedOn);
      return on < window.from || on > window.to || on > today() || s.score < 0 || s.score > 10;
    });
    expect(outside.map(({ s }) => [s.timepoint, dayOfColumn(s.recordedOn)])).toEqual([]);
    expect(scores.every(({ s }) => s.source === "clinician" && s.recordedBy?.role === "surgeon")).toBe(true);
  });

  it("shows pain falling after the operation for most, with a few who do not improve by the important difference (OC-4)", async () => {
    const cases = await operatedCases();
    const at = (timepoint: string) =>
      cases.flatMap((c) => c.painScores.filter((s) => s.timepoint === timepoint).map((s) => s.score));
    expect(median(at("pre_op"))).toBeGreaterThanOrEqual(6);
    expect(median(at("week_6"))).toBeLessThanOrEqual(5);
    expect(median(at("month_3"))).toBeLessThanOrEqual(3);
    expect(median(at("month_12"))).toBeLessThanOrEqual(2);
    const notImproved = cases.filter((c) => {
      const baseline = c.painScores.find((s) => s.timepoint === "pre_op");
      const month3 = c.painScores.find((s) => s.timepoint === "month_3");
      return baseline && month3 && baseline.score - month3.score < defaultPolicies.importantPainDifference;
    });
    expect(notImproved.length).toBeGreaterThanOrEqual(2);
  });

  it("records a return to every activity, each on or after its clearance and never in the future (OC-2, PO-6)", async () => {
    const cases = await operatedCases();
    const returns = cases.flatMap((c) => c.activityReturns.map((r) => ({ c, r })));
    for (const activity of returnActivities)
      expect(returns.filter(({ r }) => r.activity === activity).length, activity).toBeGreaterThanOrEqual(1);
    const early = returns.filter(({ c, r }) => {
      const clearance = c.clearances.find((x) =>
        r.activity === "sport" ? x.activity === "other" && x.sport === r.sport : x.activity === r.activity,
      );
      const on = dayOfColumn(r.resumedOn);
      return !clearance || on < dayOfColumn(clearance.clearedOn) || on > today();
    });
    expect(early.map(({ r }) => [r.activity, dayOfColumn(r.resumedOn)])).toEqual([]);
    // The leaflet's milestones hold for every clearance the returns rest on.
    for (const { c, r } of returns.filter(({ r }) => r.activity !== "sport"))
      expect(dayOfColumn(r.resumedOn) >= earliestClearance(d0(c), r.activity as "cycling")).toBe(true);
    // Some ran again late (after 4 months) and some cleared to run have not yet.
    const running = returns.filter(({ r }) => r.activity === "running");
    expect(running.some(({ c, r }) => daysBetween(d0(c), dayOfColumn(r.resumedOn)) > 120)).toBe(true);
    const notYet = cases.filter(
      (c) =>
        c.clearances.some((x) => x.activity === "running") && !c.activityReturns.some((r) => r.activity === "running"),
    );
    expect(notYet.length).toBeGreaterThanOrEqual(1);
  });

  it("records complications of at least three kinds by a surgeon, each on or after the operation, the infection from its dressing visit (OC-3)", async () => {
    const cases = await operatedCases();
    const complications = cases.flatMap((c) => c.complications.map((x) => ({ c, x })));
    expect(complications.length).toBeGreaterThanOrEqual(3);
    expect(complications.length).toBeLessThanOrEqual(5);
    expect(new Set(complications.map(({ x }) => x.kind)).size).toBeGreaterThanOrEqual(3);
    expect(complications.every(({ x }) => complicationKinds.includes(x.kind))).toBe(true);
    const misplaced = complications.filter(
      ({ c, x }) => dayOfColumn(x.occurredOn) < d0(c) || dayOfColumn(x.occurredOn) > today(),
    );
    expect(misplaced).toEqual([]);
    expect(complications.every(({ x }) => x.recordedBy.role === "surgeon")).toBe(true);
    const infection = complications.find(({ x }) => x.kind === "wound_infection")!;
    const record = infection.c.dressings.flatMap((v) => v.records).find((r) => r.id === infection.x.dressingRecordId);
    expect(record?.woundState).toBe("signs_of_infection");
  });

  it("leaves compliance short of 100%: a missed dressing, a late first physiotherapy session, late crutch weaning (OC-5: PO-3, PO-4, PO-1)", async () => {
    const cases = await operatedCases();
    expect(cases.some((c) => c.dressings.some((v) => v.status === "missed"))).toBe(true);
    const firstPhysioDay = (c: Operated) => {
      const days = c.physioRecords.map((r) => daysBetween(d0(c), dayOf(r.appointment.startsAt, siteZone)));
      return days.length > 0 ? Math.min(...days) : null;
    };
    const held = cases.map(firstPhysioDay).filter((day) => day !== null);
    expect(held.some((day) => day > defaultPolicies.physioFirstWithinDays)).toBe(true);
    expect(held.some((day) => day <= defaultPolicies.physioFirstWithinDays)).toBe(true);
    const weaned = cases.filter((c) => c.carePlan?.crutchesWeanedOn);
    const late = weaned.filter((c) => c.carePlan!.crutchesWeanedOn! > c.carePlan!.crutchReviewTo);
    expect(late.length).toBeGreaterThanOrEqual(1);
    expect(weaned.length - late.length).toBeGreaterThanOrEqual(10);
  });

  it("keeps the recovery board's alerts to the first patients in recovery: the operated history raises none (PO-1, PO-3, PO-4)", async () => {
    const surgeon = await demo().staff.findUniqueOrThrow({ where: { email: "surgeon@demo.clinic" } });
    const board = await recoveryBoard({ id: surgeon.id, name: surgeon.name, role: "surgeon" }, now());
    expect(board.items.filter((row) => row.day > 30).length).toBeGreaterThanOrEqual(5);
    expect(board.items.filter((row) => row.day > 30 && row.alerts.length > 0).map((row) => row.day)).toEqual([]);
  });
});
