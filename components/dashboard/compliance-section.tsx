import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { renderChartSvg } from "@/lib/charts/svg";
import { CaseLinks } from "./case-links";
import type { MeasuredRule } from "@/lib/domain/compliance";
import type { ComplianceReport, RuleFigures } from "@/lib/schemas/analytics-compliance";

/** Each rule's bar in the chart, in a few words (the table gives the full measure). */
const shortLabels: Record<MeasuredRule, string> = {
  "PO-3": "Dressings on due day",
  "PO-1": "Crutch weaning D10-D15",
  "PO-4": "First physio on time",
  "PO-6": "Sport not cleared early",
  "SX-3": "Assessment valid",
};

const percent = (share: number | null) => (share === null ? "no items" : `${Math.round(share * 100)}%`);

function rulesChart(rules: RuleFigures[]) {
  return renderChartSvg(
    {
      grid: { left: 190, right: 50, top: 10, bottom: 30 },
      xAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      yAxis: { type: "category", inverse: true, data: rules.map((r) => shortLabels[r.rule]) },
      series: [
        {
          type: "bar",
          name: "Share met",
          data: rules.map((r) => (r.share === null ? "-" : Math.round(r.share * 100))),
          label: { show: true, position: "right", formatter: "{c}%" },
        },
      ],
    },
    { width: 640, height: 260 },
  );
}

function waitsChart(stages: ComplianceReport["waits"]["stages"]) {
  return renderChartSvg(
    {
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 70 },
      xAxis: {
        type: "category",
        data: stages.map((s) => s.label.replace(" (whole pathway)", "")),
        axisLabel: { interval: 0, width: 110, overflow: "break" },
      },
      yAxis: { type: "value", name: "days" },
      series: [
        { type: "bar", name: "Median", data: stages.map((s) => s.medianDays ?? "-") },
        { type: "bar", name: "90th percentile", data: stages.map((s) => s.p90Days ?? "-") },
      ],
    },
    { width: 640, height: 320 },
  );
}

/**
 * OC-5: the share of each measured rule kept over the period (chart and table: eligible, met,
 * share, and for roles that read the clinical record the cases not met, linked), PO-3's longest
 * gap, and the waits between stages of the cases operated in the period; each table as CSV.
 */
export function ComplianceSection({ report, linkCases }: { report: ComplianceReport; linkCases: boolean }) {
  const query = `from=${report.period.from}&to=${report.period.to}`;
  const { rules, waits } = report;
  const po3 = rules.find((r) => r.rule === "PO-3");
  const measured = rules.some((r) => r.eligible > 0);
  return (
    <section aria-labelledby="compliance-heading">
      <h2 id="compliance-heading">Keeping to the protocol</h2>
      {measured ? (
        <ChartFigure
          title="How often each rule was kept"
          summary={`Share kept in the period: ${rules.map((r) => `${shortLabels[r.rule]} ${percent(r.share)}`).join("; ")}.`}
          svg={rulesChart(rules)}
          table={{
            caption: "Each rule's items in the period, and how many kept it",
            columns: ["Rule", "Items", "Kept", "Share kept", linkCases ? "Cases not kept" : "Cases not kept (count)"],
            rows: rules.map((r) => [
              <>
                {r.label} <span className="muted">({r.rule})</span>
              </>,
              r.eligible,
              r.met,
              percent(r.share),
              linkCases && r.cases ? (
                <CaseLinks ids={r.cases.map((c) => c.caseId)} total={r.casesBehind} what={`not keeping ${r.rule}`} />
              ) : (
                r.casesBehind
              ),
            ]),
          }}
          actions={<a href={`/api/v1/analytics/compliance.csv?${query}`}>Download these figures (CSV)</a>}
        />
      ) : (
        <p className="muted">Nothing the protocol measures fell in this period.</p>
      )}
      {po3?.longestGapDays != null && (
        <p>
          Longest gap between two dressings of one patient: {po3.longestGapDays} days (the rule allows 2; PO-3)
          {po3.longestGapCase && (
            <>
              {" "}
              — <Link href={po3.longestGapCase.href}>the case</Link>
            </>
          )}
          .
        </p>
      )}
      <h2 id="waits-heading">Waiting times between stages</h2>
      {waits.operations > 0 ? (
        <ChartFigure
          title="Days between stages for patients operated in the period"
          summary={`Median and 90th percentile days for ${waits.operations} operated ${waits.operations === 1 ? "patient" : "patients"}: ${waits.stages
            .map((s) => `${s.label} ${s.medianDays ?? "none"} and ${s.p90Days ?? "none"}`)
            .join("; ")}.`}
          svg={waitsChart(waits.stages)}
          table={{
            caption: "Waits in calendar days (nearest-rank median and 90th percentile)",
            columns: ["Stage", "Patients", "Median (days)", "90th percentile (days)"],
            rows: waits.stages.map((s) => [s.label, s.cases, s.medianDays ?? "none", s.p90Days ?? "none"]),
          }}
          actions={<a href={`/api/v1/analytics/stage-waits.csv?${query}`}>Download these waits (CSV)</a>}
        />
      ) : (
        <p className="muted">No patient was operated in this period, so there are no waits to show.</p>
      )}
    </section>
  );
}
