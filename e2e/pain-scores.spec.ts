import { expect, test, type Locator } from "@playwright/test";
import { addDays, addMonthsClamped, type Day } from "@/lib/domain/time";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { seriousViolations } from "./axe";
import { daysAgo } from "./clock";
import { caseAt, type Clients } from "./pathway-support";

let c: Clients;
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
});

/** Fills and sends the section's form; answers the confirmation or the refusal shown. */
async function recordScore(pain: Locator, timepoint: string, score: number, scoredOn: Day) {
  await pain.getByLabel("Time point").selectOption(timepoint);
  await pain.getByRole("combobox", { name: /^Pain score/ }).selectOption(String(score));
  await pain.getByLabel("Scored on").fill(scoredOn);
  await pain.getByRole("button", { name: "Record the pain score" }).click();
}

test.describe("pain scores on the case page", () => {
  test("a surgeon records pain before the operation, at 6 weeks and at 3 months, sees the series charted with the operation marked and the change from the baseline (OC-1, OC-4), and a day outside a window is refused (OC-1)", async ({
    page,
  }) => {
    // Operated 100 days ago, referred 160 days before that: every point up to 3 months is due.
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 100, referredDaysAgo: 260 });
    const operatedOn = daysAgo(100);
    await signInThroughPage(page, emailOf("surgeon"));
    await expect(page).toHaveURL(/\/surgeon$/);
    await page.goto(`/cases/${kase.id}`);
    const pain = page.getByRole("region", { name: "Pain" });
    await expect(pain.getByText("No pain score is recorded for this case yet.")).toBeVisible();

    // A day outside the 6-week window (day 20) is refused with the window's days, and nothing is charted.
    await recordScore(pain, "week_6", 6, addDays(operatedOn, 20));
    await expect(pain.getByRole("alert")).toContainText(/A score at 6 weeks is due from .* outside that window/);
    await expect(pain.getByText("No pain score is recorded for this case yet.")).toBeVisible();

    const series = [
      { timepoint: "pre_op", score: 7, on: addDays(operatedOn, -7) },
      { timepoint: "week_6", score: 5, on: addDays(operatedOn, 42) },
      { timepoint: "month_3", score: 3, on: addMonthsClamped(operatedOn, 3) },
    ];
    for (const { timepoint, score, on } of series) {
      await recordScore(pain, timepoint, score, on);
      await expect(pain.getByRole("status")).toContainText(`Pain score ${score} out of 10 recorded`);
    }

    const chart = pain.getByRole("img", { name: /^Pain scores 0 to 10 .* operation on .*: 7, 5, 3\.$/ });
    await expect(chart).toBeVisible();
    await expect(chart.getByText("Operation")).toBeVisible();
    const table = pain.getByRole("table");
    await expect(table.getByRole("row")).toHaveCount(4);
    await expect(pain.getByText("Baseline: 7 out of 10 before the operation")).toBeVisible();
    await expect(pain.getByText("2 points better than before the operation: clinically important")).toBeVisible();
    await expect(pain.getByText("4 points better than before the operation: clinically important")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
