// The waits between the pathway's stages for the cases operated in a period (issue 14's
// dashboard). Pure: days are the site's calendar days; the service reads each case's stage days.
import type { Period } from "./compliance";
import { daysBetween, type Day } from "./time";
import { nearestRankPercentile } from "./waiting-list-summary";

/**
 * The day each stage was reached, as the record holds it:
 * - referral: the case's referral day;
 * - diagnosis: the earliest imaging that supports the diagnosis or injection that relieved the
 *   pain (DX-3, the day the pathway itself dates the diagnosis from);
 * - first-line: the start day of the earliest first-line course;
 * - listing: the listing day;
 * - operation: the operation day (D0).
 * A stage the case never went through (no first-line course recorded) is null.
 */
export type StageDays = {
  referredOn: Day;
  diagnosedOn: Day | null;
  firstLineOn: Day | null;
  listedOn: Day | null;
  operationDay: Day;
};

/** The waits shown, each from one stage's day to the next's (and the whole pathway). */
export const stages = [
  "referral_to_diagnosis",
  "diagnosis_to_first_line",
  "first_line_to_listing",
  "listing_to_operation",
  "referral_to_operation",
] as const;
export type Stage = (typeof stages)[number];

export const stageLabels: Record<Stage, string> = {
  referral_to_diagnosis: "Referral to diagnosis",
  diagnosis_to_first_line: "Diagnosis to first-line treatment",
  first_line_to_listing: "First-line treatment to listing",
  listing_to_operation: "Listing to operation",
  referral_to_operation: "Referral to operation (whole pathway)",
};

const between = (from: Day | null, to: Day | null) => (from === null || to === null ? null : daysBetween(from, to));

/** One case's wait at each stage in calendar days; null where either end is missing. */
export function stageWaits(c: StageDays): Record<Stage, number | null> {
  return {
    referral_to_diagnosis: between(c.referredOn, c.diagnosedOn),
    diagnosis_to_first_line: between(c.diagnosedOn, c.firstLineOn),
    first_line_to_listing: between(c.firstLineOn, c.listedOn),
    listing_to_operation: between(c.listedOn, c.operationDay),
    referral_to_operation: between(c.referredOn, c.operationDay),
  };
}

/** A stage's figures: cases with both days, nearest-rank median and 90th percentile in days (null for none). */
export type StageSummary = {
  stage: Stage;
  label: string;
  cases: number;
  medianDays: number | null;
  p90Days: number | null;
};

/** The operated cases counted: operated on a day of the period (operations are never in the future). */
export const operatedIn = (c: Pick<StageDays, "operationDay">, period: Period) =>
  c.operationDay >= period.from && c.operationDay <= period.to;

/** The waits of the cases counted, gathered per stage (a case without both days is left out of that stage). */
export function waitsByStage(waits: readonly Record<Stage, number | null>[]): Record<Stage, number[]> {
  return Object.fromEntries(
    stages.map((stage) => [stage, waits.map((w) => w[stage]).filter((d): d is number => d !== null)]),
  ) as Record<Stage, number[]>;
}

/** Each stage's figures, in `stages` order, from its waits in days (any order). */
export function summariseStages(days: Record<Stage, readonly number[]>): StageSummary[] {
  return stages.map((stage) => ({
    stage,
    label: stageLabels[stage],
    cases: days[stage].length,
    medianDays: nearestRankPercentile(days[stage], 50),
    p90Days: nearestRankPercentile(days[stage], 90),
  }));
}
