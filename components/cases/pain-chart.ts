// The ECharts option of a case's pain series: scores 0-10 against their days, the operation day
// marked by a labelled vertical line. Drawn on the server (renderChartSvg).
import type { ChartOption } from "@/lib/charts/svg";
import { formatDay } from "@/lib/domain/date-format";
import type { Day } from "@/lib/domain/time";

/** A calendar day as the time axis's value: its UTC midnight, so no server zone moves it. */
const at = (day: Day) => Date.parse(`${day}T00:00:00Z`);
const dayOfValue = (value: number): Day => new Date(value).toISOString().slice(0, 10);

/** `scores` oldest first; `operatedOn` null before the operation (then nothing is marked). */
export function painChartOption(scores: { recordedOn: Day; score: number }[], operatedOn: Day | null): ChartOption {
  const days = [...scores.map((s) => at(s.recordedOn)), ...(operatedOn ? [at(operatedOn)] : [])];
  // A week either side, so the first and last points are not drawn on the frame.
  const margin = 7 * 86_400_000;
  return {
    grid: { left: 48, right: 32, top: 48, bottom: 40 },
    xAxis: {
      type: "time",
      min: Math.min(...days) - margin,
      max: Math.max(...days) + margin,
      splitNumber: 4,
      axisLabel: { formatter: (value: number) => formatDay(dayOfValue(value)).slice(4), hideOverlap: true },
    },
    yAxis: { type: "value", min: 0, max: 10, interval: 2, name: "Pain (0-10)" },
    series: [
      {
        type: "line",
        name: "Pain score",
        data: scores.map((s) => [at(s.recordedOn), s.score]),
        symbol: "circle",
        symbolSize: 9,
        label: { show: true, position: "top" },
        ...(operatedOn
          ? {
              markLine: {
                symbol: "none",
                lineStyle: { type: "dashed" },
                label: { formatter: "Operation", position: "end" },
                data: [{ xAxis: at(operatedOn) }],
              },
            }
          : {}),
      },
    ],
  };
}
