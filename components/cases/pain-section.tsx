// The case's pain scores (OC-1) against the operation's aim (leaflet:55): the series as a chart
// drawn on the server (SVG, with its table for screen readers), the change from the baseline
// at each point after the operation (OC-4), and the form to record a score. No "use client":
// the page renders it and passes it to the case view.
import { renderChartSvg } from "@/lib/charts/svg";
import { formatDay } from "@/lib/domain/date-format";
import type { PainBaseline, PainChange } from "@/lib/domain/pain-scores";
import type { CaseOutcomes } from "@/lib/schemas/outcomes";
import { ChartFigure } from "@/components/charts/chart-figure";
import { painChartOption } from "./pain-chart";
import { PainScoreForm, type TimepointChoice } from "./pain-score-form";
import { painTimepointLabel } from "./labels";

export type PainSectionProps = {
  caseId: string;
  today: string;
  operatedOn: string | null;
  outcomes: Pick<CaseOutcomes, "painScores" | "baseline" | "changes">;
  choices: TimepointChoice[];
  suggested: TimepointChoice["timepoint"] | null;
  /** The actor's role records scores (outcome.recordPainScore). */
  canRecord: boolean;
};

const baselineWords: Record<PainBaseline["timepoint"], string> = {
  pre_op: "before the operation",
  listing: "at listing",
  referral: "at referral",
};

/** "3 points better than before the operation: clinically important" (OC-4; negative change is better). */
export function changeInWords(change: PainChange, baseline: PainBaseline): string {
  const than = baselineWords[baseline.timepoint];
  const points = (n: number) => `${n} point${n === 1 ? "" : "s"}`;
  const moved =
    change.change === 0
      ? `the same as ${than}`
      : `${points(Math.abs(change.change))} ${change.change < 0 ? "better" : "worse"} than ${than}`;
  return `${moved}: ${change.important ? "clinically important" : "not a clinically important improvement"}`;
}

/** "from <first> to <last>", or "on <day>" when the series holds one day. */
const spanOf = (first: string, last: string) =>
  first === last ? `on ${formatDay(first)}` : `from ${formatDay(first)} to ${formatDay(last)}`;

export function PainSection({ caseId, today, operatedOn, outcomes, choices, suggested, canRecord }: PainSectionProps) {
  const { painScores, baseline, changes } = outcomes;
  const sourceWords = { clinician: "Staff", patient: "The patient" } as const;
  return (
    <section className="panel" aria-labelledby="pain-title">
      <h2 id="pain-title">Pain</h2>
      {painScores.length === 0 ? (
        <p className="empty">No pain score is recorded for this case yet.</p>
      ) : (
        <ChartFigure
          title="Pain score over time"
          summary={`Pain scores 0 to 10 ${spanOf(painScores[0]!.recordedOn, painScores.at(-1)!.recordedOn)}${
            operatedOn ? `, operation on ${formatDay(operatedOn)}` : ""
          }: ${painScores.map((s) => s.score).join(", ")}.`}
          svg={renderChartSvg(painChartOption(painScores, operatedOn), { width: 640, height: 280 })}
          table={{
            caption: "Pain scores, oldest first",
            columns: ["Scored on", "Time point", "Score (0-10)", "Reported by"],
            rows: painScores.map((s) => [
              formatDay(s.recordedOn),
              s.timepoint ? painTimepointLabel[s.timepoint] : "No time point",
              s.score,
              sourceWords[s.source],
            ]),
          }}
        />
      )}
      <h3>Change from the baseline</h3>
      {!baseline ? (
        <p className="empty">
          No baseline yet: the score before the operation, else at listing, else at referral, is the baseline.
        </p>
      ) : (
        <>
          <p>
            Baseline: {baseline.score} out of 10 {baselineWords[baseline.timepoint]} ({formatDay(baseline.recordedOn)}).
          </p>
          {changes.length === 0 ? (
            <p className="empty">No score after the operation yet.</p>
          ) : (
            <ul className="compact">
              {changes.map((c) => (
                <li key={c.timepoint}>
                  <strong>{painTimepointLabel[c.timepoint]}</strong>: {changeInWords(c, baseline)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {canRecord && (
        <>
          <h3>Record a pain score</h3>
          <PainScoreForm caseId={caseId} today={today} choices={choices} suggested={suggested} />
        </>
      )}
    </section>
  );
}
