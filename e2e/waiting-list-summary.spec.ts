import { expect, test, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/policy";
import { formatDay } from "@/lib/domain/date-format";
import { addDays } from "@/lib/domain/time";
import { waitInWords } from "@/lib/domain/waiting-list-summary";
import { endpoints } from "@/lib/http/endpoints";
import type { WaitingListSummaryView } from "@/lib/schemas/waiting-list-summary";
import { apiAs, emailOf, send, signInThroughPage } from "./support";
import { today } from "./clock";

/**
 * Signs in as `role` and returns the summary the home page's card received: other journeys list
 * patients on the same demo site meanwhile, so the card is checked against its own answer.
 */
async function homeWithCard(page: Page, role: Role): Promise<WaitingListSummaryView> {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === endpoints.waitingListSummary.path);
  await signInThroughPage(page, emailOf(role));
  const response = await answered;
  expect(response.status()).toBe(200);
  return response.json();
}

const card = (page: Page) => page.getByRole("region", { name: "Surgical waiting list" });

test.describe("the waiting list's card on the reception and administration homes (WL-2)", () => {
  test("the demo's waiting list: one of Ms Nair's patients, breach date in 26 days, in the fourth week of the forecast", async () => {
    const reception = await apiAs("reception");
    const surgeons = (await (await send(reception, endpoints.listStaff, { query: { role: "surgeon" } })).json()).items;
    const nair = surgeons.find((s: { name: string }) => s.name === "Ms Priya Nair");
    const summary = await send(reception, endpoints.waitingListSummary, { query: { surgeonId: nair.id } });
    expect(await summary.json()).toEqual({
      waiting: 1,
      medianDaysWaiting: 100,
      p90DaysWaiting: 100,
      breachesThisMonth: 0,
      forecast: [0, 7, 14, 21].map((days, week) => ({
        weekStarting: addDays(today(), days),
        breaches: week === 3 ? 1 : 0,
      })),
    });
    const site = await (await send(reception, endpoints.waitingListSummary, {})).json();
    expect(site.waiting, "the demo's eleven waiting patients, and any other journey's").toBeGreaterThanOrEqual(11);
    expect(site.breachesThisMonth, "the demo's patient whose breach date was yesterday").toBeGreaterThanOrEqual(1);
  });

  for (const [role, heading] of [
    ["reception", "Reception"],
    ["admin", "Administration"],
  ] as const) {
    test(`${role}'s home shows the figures in words, the forecast as a table and the way to the list`, async ({
      page,
    }) => {
      const s = await homeWithCard(page, role);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      const figures = card(page);
      await expect(figures).toContainText(`${s.waiting} patients waiting for surgery.`);
      await expect(figures).toContainText(
        `Half of them have waited ${waitInWords(s.medianDaysWaiting!)} or less since listing; nine in ten ${waitInWords(s.p90DaysWaiting!)} or less.`,
      );
      await expect(figures).toContainText(
        `${s.breachesThisMonth} ${s.breachesThisMonth === 1 ? "patient" : "patients"} passed their breach date this month`,
      );
      const rows = figures.getByRole("table").getByRole("row");
      await expect(rows).toHaveCount(5);
      for (const [i, week] of s.forecast.entries()) {
        await expect(rows.nth(i + 1).getByRole("cell")).toHaveText([formatDay(week.weekStarting), `${week.breaches}`]);
      }
      await expect(figures.getByRole("link", { name: "Open the waiting list" })).toHaveAttribute(
        "href",
        "/waiting-list",
      );
    });
  }
});
