import { execFileSync } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { addDays } from "@/lib/domain/time";
import { endpoints } from "@/lib/http/endpoints";
import { e2eDatabaseUrl } from "../playwright.config";
import type { OutcomeArrangement } from "./arrange-outcomes";
import { seriousViolations } from "./axe";
import { today } from "./clock";
import { apiAs, emailOf, send, signInThroughPage } from "./support";

/** A case of a new patient operated `operatedDaysAgo` days ago, with outcome records (./arrange-outcomes.ts). */
function operatedWith(arrangement: OutcomeArrangement): string {
  return execFileSync(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "e2e/arrange-outcomes.ts",
      e2eDatabaseUrl,
      new Date().toISOString(),
      JSON.stringify(arrangement),
    ],
    { encoding: "utf8" },
  );
}

// Three patients operated on three days years ago, a period no other journey operates in: each
// worker (a retry too) arranges its own, so its figures are its patients' alone.
const familyName = `Cohort${Math.random().toString(36).slice(2, 8)}`;
const daysAgo = 740 + Math.floor(Math.random() * 2000);
const period = { from: addDays(today(), -(daysAgo + 2)), to: addDays(today(), -daysAgo) };
const address = `/dashboard?from=${period.from}&to=${period.to}`;
let improvedCase = "";

test.beforeAll(() => {
  // Pain 8 -> 3 at 3 months and 2 at 12 (important falls); ran again 59 days after (by the
  // milestone, 59 to 62 days); a wound infection, grade II.
  improvedCase = operatedWith({
    familyName,
    operatedDaysAgo: daysAgo + 2,
    scores: [
      { timepoint: "pre_op", score: 8 },
      { timepoint: "month_3", score: 3 },
      { timepoint: "month_12", score: 2 },
    ],
    returns: [
      { activity: "cycling", daysAfter: 25 },
      { activity: "running", daysAfter: 59 },
    ],
    complications: [{ kind: "wound_infection", grade: "II" }],
  });
  // Pain 6 at listing -> 5 at 3 months (not important); ran again after 90 days; a nerve injury, grade I.
  operatedWith({
    familyName,
    operatedDaysAgo: daysAgo + 1,
    scores: [
      { timepoint: "listing", score: 6 },
      { timepoint: "month_3", score: 5 },
    ],
    returns: [{ activity: "running", daysAfter: 90 }],
    complications: [{ kind: "nerve_injury", grade: "I" }],
  });
  operatedWith({
    familyName,
    operatedDaysAgo: daysAgo,
    scores: [{ timepoint: "pre_op", score: 7 }],
    returns: [],
    complications: [],
  });
});

const figure = (page: Page, title: string) =>
  page.getByRole("figure").filter({ has: page.getByRole("heading", { name: title }) });

async function dashboardAs(page: Page, role: "surgeon" | "admin") {
  await signInThroughPage(page, emailOf(role));
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(address);
  await expect(page.getByRole("heading", { level: 2, name: "Outcomes of the operation" })).toBeVisible();
}

test.describe("the dashboard's outcomes (OC-1..OC-4)", () => {
  // One worker: the patients arranged once are the ones every test reads.
  test.describe.configure({ mode: "serial" });

  test("a surgeon sees each chart with its table, the OC-4 shares, running against two months and complications per 100 (OC-1, OC-2, OC-3, OC-4)", async ({
    page,
  }) => {
    await dashboardAs(page, "surgeon");
    await expect(page.getByText("3 operations in the period.")).toBeVisible();

    const pain = figure(page, "Pain before and after the operation (OC-1)");
    await expect(pain.getByRole("img").first()).toHaveAttribute("aria-label", /Before the operation 7 \(2 patients\)/);
    await expect(pain.getByRole("row", { name: /^Before the operation 2 7 7 to 8/ })).toBeVisible();
    await expect(pain.getByRole("row", { name: /^3 months after 2 3 3 to 5/ })).toBeVisible();
    await expect(pain.locator("svg")).toBeVisible();

    const improvement = figure(page, "Pain reduced by at least 2 points (OC-4)");
    await expect(improvement.getByRole("row", { name: /^3 months after 1 2 50%/ })).toBeVisible();
    await expect(improvement.getByRole("row", { name: /^12 months after 1 1 100%/ })).toBeVisible();
    // The case behind the figure, for the surgeon only: a link, never a name.
    await improvement.getByText("1 case").first().click();
    await expect(improvement.getByRole("link", { name: "Case 1" }).first()).toHaveAttribute(
      "href",
      `/cases/${improvedCase}`,
    );

    const running = figure(page, "Time to return to running (OC-2)");
    await expect(running.getByRole("img").first()).toHaveAttribute(
      "aria-label",
      /^2 of 3 operated patients ran again, at a median of day 59 after the operation/,
    );
    await expect(running.getByRole("row", { name: /^Running 2 59/ })).toBeVisible();
    await expect(running.locator("svg")).toContainText("2 months");

    const complications = figure(page, "Complications per 100 operations (OC-3)");
    await expect(complications.getByRole("row", { name: /^Wound infection 0 1 0 0 0 0 0 1 33\.3/ })).toBeVisible();
    await expect(
      complications.getByRole("row", { name: /^Nerve injury with numbness 1 0 0 0 0 0 0 1 33\.3/ }),
    ).toBeVisible();

    // Each table downloads as CSV.
    const link = improvement.getByRole("link", { name: /Download the improvement table/ });
    const csv = await page.request.get((await link.getAttribute("href"))!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain("month_3,2,1,2,0.5");
    await expect(page.getByText(familyName)).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("an administrator sees the same figures without any patient's name or link to a case (OC-4)", async ({
    page,
  }) => {
    await dashboardAs(page, "admin");
    const improvement = figure(page, "Pain reduced by at least 2 points (OC-4)");
    await expect(improvement.getByRole("row", { name: /^3 months after 1 2 50%/ })).toBeVisible();
    await expect(improvement.getByRole("columnheader", { name: "Cases" })).toHaveCount(0);
    await expect(page.locator('a[href^="/cases/"]')).toHaveCount(0);
    await expect(page.getByText(familyName)).toHaveCount(0);
    const report = await (await send(await apiAs("admin"), endpoints.outcomesReport, { query: period })).json();
    expect(JSON.stringify(report)).not.toContain(improvedCase);
  });

  test("a period without operations says so instead of drawing empty charts", async ({ page }) => {
    await signInThroughPage(page, emailOf("surgeon"));
    await expect(page).not.toHaveURL(/\/login/);
    const empty = addDays(today(), -4000);
    await page.goto(`/dashboard?from=${empty}&to=${empty}`);
    await expect(page.getByText("No operations in this period, so there are no outcomes to show.")).toBeVisible();
  });
});
