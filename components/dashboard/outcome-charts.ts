// The outcome charts' ECharts options, drawn on the server (lib/charts/svg.ts). Every value a
// chart shows is also written on it as a label and in the table below it, so nothing depends on
// colour; series that share a chart also differ by pattern (ARIA decals).
import { clavienDindoGrades, complicationKinds } from "@/lib/domain/vocabulary";
import type { OutcomesReport } from "@/lib/schemas/analytics-outcomes";
import type { ChartOption } from "@/lib/charts/svg";
import { complicationKindLabel, painTimepointLabel } from "@/components/cases/labels";

/** A share (0..1) as a whole percentage: "50%". */
export const percent = (share: number) => `${Math.round(share * 100)}%`;

const grid = { left: 48, right: 24, top: 48, bottom: 72, outerBoundsMode: "same" };

/** OC-1: median pain at each time point with its quartiles as a box, and the patients counted under each point. */
export function painCurveOption(pain: OutcomesReport["pain"]): ChartOption {
  const scored = pain.filter((p) => p.patients > 0);
  return {
    grid,
    legend: { top: 0, data: ["Median pain", "Middle half of patients (quartiles)"] },
    xAxis: {
      type: "category",
      data: scored.map(
        (p) => `${painTimepointLabel[p.timepoint]}\n${p.patients} patient${p.patients === 1 ? "" : "s"}`,
      ),
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: "value", min: 0, max: 10, interval: 2, name: "Pain (0-10)" },
    series: [
      {
        name: "Middle half of patients (quartiles)",
        type: "boxplot",
        // Whiskers at the quartiles: the box is the middle half, the line in it the median.
        data: scored.map((p) => [p.lowerQuartile, p.lowerQuartile, p.median, p.upperQuartile, p.upperQuartile]),
        itemStyle: { color: "#dbeafe", borderColor: "#1d4ed8" },
      },
      {
        name: "Median pain",
        type: "line",
        data: scored.map((p) => p.median),
        symbol: "circle",
        symbolSize: 8,
        label: { show: true, position: "right", formatter: "{c}" },
        lineStyle: { width: 2 },
      },
    ],
  };
}

/** OC-4: the share with an important improvement at 3 and 12 months, each bar labelled "50% (1 of 2)". */
export function improvementOption(points: OutcomesReport["improvement"]["points"]): ChartOption {
  return {
    grid: { ...grid, top: 24 },
    xAxis: { type: "category", data: points.map((p) => painTimepointLabel[p.timepoint]) },
    yAxis: { type: "value", min: 0, max: 100, name: "% of patients", axisLabel: { formatter: "{value}%" } },
    series: [
      {
        name: "Clinically important improvement",
        type: "bar",
        barMaxWidth: 64,
        data: points.map((p) => ({
          value: p.share === null ? 0 : Math.round(p.share * 100),
          label: {
            show: true,
            position: "top",
            formatter:
              p.share === null ? "no patient measured" : `${percent(p.share)} (${p.improved} of ${p.measured})`,
          },
        })),
      },
    ],
  };
}

/** Days from the operation to the two-month milestone for a typical month (59 to 62 by the month). */
export const milestoneMarkDay = 61;

/** OC-2: the cumulative share of operated patients running again, by day from the operation, the milestone marked. */
export function runningOption(running: OutcomesReport["running"]): ChartOption {
  const last = running.curve.at(-1)?.day ?? milestoneMarkDay;
  const points = [
    [0, 0],
    ...running.curve.map((p) => [p.day, Math.round((p.returned / running.operated) * 1000) / 10]),
  ];
  return {
    grid: { ...grid, top: 24 },
    xAxis: {
      type: "value",
      min: 0,
      max: Math.max(last, milestoneMarkDay) + 7,
      name: "Days after the operation",
      nameLocation: "middle",
      nameGap: 28,
    },
    yAxis: { type: "value", min: 0, max: 100, name: "% running again", axisLabel: { formatter: "{value}%" } },
    series: [
      {
        name: "Running again",
        type: "line",
        step: "end",
        showSymbol: false,
        data: points,
        endLabel: { show: true, formatter: ({ value }: { value: number[] }) => `${value[1]}%` },
        markLine: {
          symbol: "none",
          lineStyle: { type: "dashed", color: "#374151" },
          label: { formatter: "2 months", position: "insideEndTop" },
          data: [{ xAxis: milestoneMarkDay }],
        },
      },
    ],
  };
}

/** OC-3: complications per 100 operations by kind (bars), stacked by Clavien-Dindo grade (one pattern each). */
export function complicationsOption(complications: OutcomesReport["complications"]): ChartOption {
  const kinds = complicationKinds.filter((kind) => complications.byKind.find((k) => k.kind === kind)!.count > 0);
  const grades = clavienDindoGrades.filter((grade) => complications.byGrade.find((g) => g.grade === grade)!.count > 0);
  const rate = (count: number) => Math.round((count * 1000) / complications.operations) / 10;
  return {
    grid: { ...grid, left: 8, bottom: 24 },
    legend: { top: 0, data: grades.map((grade) => `Grade ${grade}`) },
    yAxis: { type: "category", data: kinds.map((kind) => complicationKindLabel[kind]), inverse: true },
    xAxis: { type: "value", min: 0, name: "per 100 operations", nameLocation: "middle", nameGap: 28 },
    series: grades.map((grade) => ({
      name: `Grade ${grade}`,
      type: "bar",
      stack: "grades",
      barMaxWidth: 40,
      label: { show: true, formatter: `${grade}` },
      data: kinds.map((kind) => {
        const count = complications.byKindAndGrade.find((k) => k.kind === kind && k.grade === grade)?.count ?? 0;
        return count === 0 ? null : rate(count);
      }),
    })),
  };
}
