// A case's outcomes against the operation's aim: its pain scores with their baseline and changes
// (OC-1, OC-4), the returns to activity (OC-2) and the complications (OC-3), read in one
// transaction and audited as one read.
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { painOutcome, painScoreChoices, timepointFor, type PainScoreChoice } from "@/lib/domain/pain-scores";
import type { PainTimepoint } from "@/lib/domain/vocabulary";
import type { Day } from "@/lib/domain/time";
import type { CaseOutcomes } from "@/lib/schemas/outcomes";
import { recordAudit } from "./audit";
import { painScoreContext, type PainScoreContext } from "./pain-scores";

async function readOutcomes(tx: Tx, actor: Actor, caseId: string, now: Date) {
  const context = await painScoreContext(tx, caseId, now);
  const scores = await tx.painScore.findMany({
    where: { caseId },
    orderBy: [{ recordedOn: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
  });
  const returns = await tx.activityReturn.findMany({
    where: { caseId },
    orderBy: [{ resumedOn: "asc" }, { activity: "asc" }],
  });
  const complications = await tx.complication.findMany({
    where: { caseId },
    orderBy: [{ occurredOn: "asc" }, { recordedAt: "asc" }, { id: "asc" }],
  });
  await recordAudit(tx, actor, [
    { action: "case.outcomes.read", entity: "clinical_case", entityId: caseId, patientId: context.patientId },
  ]);
  const series = scores.map((s) => ({
    recordedOn: dayOfColumn(s.recordedOn),
    recordedAt: s.recordedAt,
    score: s.score,
    timepoint: s.timepoint,
    source: s.source,
  }));
  const outcomes: CaseOutcomes = {
    painScores: scores.map((s) => ({
      recordedOn: dayOfColumn(s.recordedOn),
      score: s.score,
      timepoint: s.timepoint,
      source: s.source,
    })),
    ...painOutcome(series, context.policies.importantPainDifference),
    returns: returns.map((r) => ({
      activity: r.activity,
      sport: r.sport,
      resumedOn: dayOfColumn(r.resumedOn),
      previousLevel: r.previousLevel,
    })),
    complications: complications.map((c) => ({
      occurredOn: dayOfColumn(c.occurredOn),
      kind: c.kind,
      grade: c.grade,
      notes: c.notes,
    })),
  };
  return { context, outcomes };
}

/**
 * The outcomes of case `caseId` for `actor` (a clinical role: the edge asks `outcome.read`):
 * `painScores` oldest first `{recordedOn, score 0..10, timepoint | null (an untimed patient
 * score), source}`; `baseline` `{timepoint, score, recordedOn}` or null and `changes`
 * `[{timepoint, change, important}]` (OC-4: change = score - baseline, important at or below
 * minus the site's `importantPainDifference`); `returns` `[{activity, sport, resumedOn,
 * previousLevel}]` (OC-2) and `complications` `[{occurredOn, kind, grade, notes}]` (OC-3), oldest
 * first. Throws `not_found` for an unknown case. One audit row (`case.outcomes.read`).
 */
export async function caseOutcomes(actor: Actor, caseId: string, now = new Date()): Promise<CaseOutcomes> {
  return db().$transaction(async (tx) => (await readOutcomes(tx, actor, caseId, now)).outcomes);
}

/** What the case page's pain section shows: the outcomes, and the time points a score may be recorded at today. */
export type CasePainView = {
  outcomes: CaseOutcomes;
  today: Day;
  operatedOn: Day | null;
  choices: PainScoreChoice[];
  /** The time point whose window holds today, if any (the form's first choice). */
  suggested: PainTimepoint | null;
};

/**
 * caseOutcomes for the case page, with each time point's window as of today at the site (OC-1)
 * and the operation day the chart marks. Same errors and the same one audit row.
 */
export async function casePainView(actor: Actor, caseId: string, now = new Date()): Promise<CasePainView> {
  return db().$transaction(async (tx) => {
    const { context, outcomes } = await readOutcomes(tx, actor, caseId, now);
    return { outcomes, ...painChoicesOf(context) };
  });
}

function painChoicesOf({ days, policies, today }: PainScoreContext) {
  const windows = policies.painScoreWindowDays;
  return {
    today,
    operatedOn: days.operatedOn,
    choices: painScoreChoices(days, windows, today),
    suggested: timepointFor(today, days, windows),
  };
}
