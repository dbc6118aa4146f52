import type { ReactNode } from "react";
import { renderChartSvg } from "@/lib/charts/svg";
import { clavienDindoGrades } from "@/lib/domain/vocabulary";
import type { OutcomesReport, OutcomeTable } from "@/lib/schemas/analytics-outcomes";
import { ChartFigure } from "@/components/charts/chart-figure";
import { CaseLinks } from "./case-links";
import { complicationKindLabel, painTimepointLabel, returnActivityLabel } from "@/components/cases/labels";
import {
  complicationsOption,
  improvementOption,
  milestoneMarkDay,
  painCurveOption,
  percent,
  runningOption,
} from "./outcome-charts";

const size = { width: 720, height: 360 };

/**
 * Running against its milestone (PO-6: no earlier than two calendar months): running is never
 * cleared before it, so the words give how long after it the patients ran again, not a share
 * "back by" a day nobody may run before.
 */
function runningSummary(report: OutcomesReport): string {
  const { running } = report;
  const median = report.returns.find((a) => a.activity === "running")?.medianDays ?? null;
  const returned = running.curve.at(-1)?.returned ?? 0;
  if (median === null)
    return `None of the ${running.operated} patients operated in the period has run again yet; the line marks the two-month milestone (day ${milestoneMarkDay}).`;
  const after = median - milestoneMarkDay;
  return `${returned} of ${running.operated} operated patients ran again, at a median of day ${median} after the operation, ${after > 0 ? `${after} days after` : "on"} the two-month milestone (about day ${milestoneMarkDay}); the line shows the share running again by each day.`;
}

/** OC-1..OC-4 for the patients operated in the period: four charts, each with its table and CSV. */
export function OutcomesSection({ report, linkCases }: { report: OutcomesReport; linkCases: boolean }) {
  const { period } = report;
  const csv = (table: OutcomeTable, what: string) => (
    <a href={`/api/v1/analytics/outcomes.csv?from=${period.from}&to=${period.to}&table=${table}`} download>
      Download {what} (CSV)
    </a>
  );
  const withCases = (columns: string[]) => (linkCases ? [...columns, "Cases"] : columns);
  const row = (cells: ReactNode[], ids: string[] | undefined, what: string) =>
    linkCases ? [...cells, <CaseLinks key="cases" ids={ids} what={what} />] : cells;
  const scored = report.pain.some((p) => p.patients > 0);
  const measured = report.improvement.points.some((p) => p.measured > 0);
  const { running, complications } = report;
  const difference = report.improvement.importantDifference;
  return (
    <section aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">Outcomes of the operation</h2>
      {report.operations === 0 ? (
        <p className="empty">No operations in this period, so there are no outcomes to show.</p>
      ) : (
        <>
          <p className="muted">
            {report.operations} operation{report.operations === 1 ? "" : "s"} in the period. Each patient counts once
            per time point (their latest score there).
          </p>
          {scored ? (
            <ChartFigure
              title="Pain before and after the operation (OC-1)"
              summary={`Median pain score (0 to 10) at each time point, with the middle half of patients: ${report.pain
                .filter((p) => p.patients > 0)
                .map(
                  (p) =>
                    `${painTimepointLabel[p.timepoint]} ${p.median} (${p.patients} patient${p.patients === 1 ? "" : "s"})`,
                )
                .join("; ")}.`}
              svg={renderChartSvg(painCurveOption(report.pain), size)}
              table={{
                caption: "Pain scores by time point",
                columns: withCases(["Time point", "Patients", "Median", "Quartiles (lower to upper)"]),
                rows: report.pain.map((p) =>
                  row(
                    [
                      painTimepointLabel[p.timepoint],
                      p.patients,
                      p.median ?? "no score",
                      p.patients > 0 ? `${p.lowerQuartile} to ${p.upperQuartile}` : "no score",
                    ],
                    p.caseIds,
                    `scored ${painTimepointLabel[p.timepoint].toLowerCase()}`,
                  ),
                ),
              }}
              actions={csv("pain", "pain scores")}
            />
          ) : (
            <p className="empty">No pain scores recorded for the patients operated in this period.</p>
          )}
          {measured ? (
            <ChartFigure
              title={`Pain reduced by at least ${difference} points (OC-4)`}
              summary={`Share of patients whose pain fell by at least ${difference} points from before the operation: ${report.improvement.points
                .map(
                  (p) =>
                    `${painTimepointLabel[p.timepoint]} ${p.share === null ? "no patient measured" : `${percent(p.share)}, ${p.improved} of ${p.measured}`}`,
                )
                .join("; ")}.`}
              svg={renderChartSvg(improvementOption(report.improvement.points), { ...size, height: 300 })}
              table={{
                caption: `Clinically important improvement (a fall of ${difference} points or more from the baseline: the score before the operation, else at listing, else at referral); counted among patients with a baseline and a score at the time point`,
                columns: withCases(["Time point", "Improved", "Measured", "Share"]),
                rows: report.improvement.points.map((p) =>
                  row(
                    [
                      painTimepointLabel[p.timepoint],
                      p.improved,
                      p.measured,
                      p.share === null ? "no patient measured" : percent(p.share),
                    ],
                    p.improvedCaseIds,
                    `improved ${painTimepointLabel[p.timepoint].toLowerCase()}`,
                  ),
                ),
              }}
              actions={csv("improvement", "the improvement table")}
            />
          ) : (
            <p className="empty">No patient has both a baseline and a score at 3 or 12 months yet.</p>
          )}
          <ChartFigure
            title="Time to return to running (OC-2)"
            summary={runningSummary(report)}
            svg={renderChartSvg(runningOption(running), { ...size, height: 320 })}
            table={{
              caption: `Return to activity: patients back and median days from the operation (the running milestone is two calendar months, about ${milestoneMarkDay} days)`,
              columns: withCases(["Activity", "Patients back", "Median days after the operation"]),
              rows: report.returns.map((a) =>
                row(
                  [returnActivityLabel[a.activity], a.returned, a.medianDays ?? "none back yet"],
                  a.caseIds,
                  `back to ${returnActivityLabel[a.activity].toLowerCase()}`,
                ),
              ),
            }}
            actions={csv("returns", "the return to activity table")}
          />
          {complications.total > 0 ? (
            <ChartFigure
              title="Complications per 100 operations (OC-3)"
              summary={`${complications.total} complication${complications.total === 1 ? "" : "s"} after ${complications.operations} operations: ${complications.byKind
                .filter((k) => k.count > 0)
                .map((k) => `${complicationKindLabel[k.kind]} ${k.per100} per 100`)
                .join("; ")}. Bars are split by Clavien-Dindo grade.`}
              svg={renderChartSvg(complicationsOption(complications), { ...size, height: 320 })}
              table={{
                caption: "Complications by kind and Clavien-Dindo grade (counts), and per 100 operations",
                columns: withCases([
                  "Kind",
                  ...clavienDindoGrades.map((g) => `Grade ${g}`),
                  "All",
                  "Per 100 operations",
                ]),
                rows: complications.byKind
                  .filter((k) => k.count > 0)
                  .map((k) =>
                    row(
                      [
                        complicationKindLabel[k.kind],
                        ...clavienDindoGrades.map(
                          (grade) =>
                            complications.byKindAndGrade.find((c) => c.kind === k.kind && c.grade === grade)?.count ??
                            0,
                        ),
                        k.count,
                        k.per100,
                      ],
                      k.caseIds,
                      `with ${complicationKindLabel[k.kind].toLowerCase()}`,
                    ),
                  ),
              }}
              actions={csv("complications", "the complications table")}
            />
          ) : (
            <p className="empty">No complications recorded after the operations in this period.</p>
          )}
        </>
      )}
    </section>
  );
}
