// Charts drawn on the server as SVG by Apache ECharts (its server-side rendering), so a chart
// is in the page as it arrives, prints, and needs no script in the browser.
import { BarChart, BoxplotChart, LineChart } from "echarts/charts";
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([
  BarChart,
  BoxplotChart,
  LineChart,
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TitleComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** The chart's palette: dark enough on white, and each series also drawn with its own pattern. */
const palette = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#be123c", "#0f766e", "#4d7c0f", "#374151"];

/**
 * Renders an ECharts option to an SVG string on the server, `size` in CSS pixels (the SVG has a
 * viewBox, so it scales to its container). Animation is off; ARIA decals are on, so series
 * differ by pattern as well as by colour; text is in the page's font.
 */
export function renderChartSvg(option: ChartOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      animation: false,
      color: palette,
      aria: { enabled: true, decal: { show: true } },
      textStyle: { fontFamily: "system-ui, sans-serif", fontSize: 13, color: "#1f2937" },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
