import { describe, expect, it } from "vitest";
import { renderChartSvg } from "@/lib/charts/svg";
import { defaultPolicies, policiesOf } from "@/lib/domain/policies";
import { periodQuery, resolvePeriod } from "@/lib/schemas/analytics";
import { policiesInput } from "@/lib/schemas/policies";

describe("outcome policies (OC-1, OC-4)", () => {
  it("defaults the pain score windows to 14 days, 30 before the operation and at 6 and 12 months (OC-1)", () => {
    expect(defaultPolicies.painScoreWindowDays).toEqual({
      referral: 14,
      listing: 14,
      pre_op: 30,
      week_6: 14,
      month_3: 14,
      month_6: 30,
      month_12: 30,
    });
  });
  it("takes a site's own sound windows and important difference, and the defaults for the rest (OC-1, OC-4)", () => {
    const site = policiesOf({
      painScoreWindowDays: { week_6: 7, month_3: 0, month_6: "x" },
      importantPainDifference: 3,
    });
    expect(site.painScoreWindowDays).toMatchObject({ week_6: 7, month_3: 14, month_6: 30 });
    expect(site.importantPainDifference).toBe(3);
    expect(policiesOf({ importantPainDifference: -1 }).importantPainDifference).toBe(2);
  });
  it("refuses an important difference outside 1-10 points and a window of 0 days, by field (OC-1, OC-4)", () => {
    const base = {
      assessmentValidityDays: 90,
      dressingPlannedUntilDay: 14,
      physioFirstWithinDays: 7,
      durations: defaultPolicies.durations,
    };
    const refused = policiesInput.safeParse({
      ...base,
      importantPainDifference: 11,
      painScoreWindowDays: { ...defaultPolicies.painScoreWindowDays, week_6: 0 },
    });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join("."))).toEqual(
      expect.arrayContaining(["importantPainDifference", "painScoreWindowDays.week_6"]),
    );
  });
});

describe("the dashboard's period", () => {
  it("defaults to the twelve months to today, both ends included", () => {
    expect(resolvePeriod({}, "2028-02-29")).toEqual({ from: "2027-03-01", to: "2028-02-29" });
    expect(resolvePeriod({ to: "2026-12-31" }, "2026-12-01")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });
  it("refuses an end before the start, at `to`", () => {
    const refused = periodQuery.safeParse({ from: "2026-12-02", to: "2026-12-01" });
    expect(refused.error?.issues[0]?.path).toEqual(["to"]);
  });
});

describe("charts drawn on the server", () => {
  it("renders an SVG with the data's labels and no script", () => {
    const svg = renderChartSvg(
      {
        xAxis: { type: "category", data: ["Before", "6 weeks"] },
        yAxis: { type: "value" },
        series: [{ type: "bar", data: [7, 3] }],
      },
      { width: 400, height: 200 },
    );
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("6 weeks");
    expect(svg).not.toContain("<script");
  });
});
