import { expect, test, type Page } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { formatDay } from "@/lib/domain/date-format";
import { addDays } from "@/lib/domain/time";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { daysAgo } from "./clock";
import { caseAt, post, type Clients } from "./pathway-support";

type Listed = { mrn: string; listedOn: string };
let c: Clients;
const listed: Record<"recent" | "older" | "nearBreach" | "breached", Listed> = {} as never;

/** A new case, its first-line course failed 140 days ago, listed with `priority` on `listedOn`. */
async function list(priority: "P1" | "P2", listedOn: string): Promise<Listed> {
  const kase = await caseAt(c, "failed_course", { operatedDaysAgo: 40 });
  await post(c.surgeon, endpoints.listForSurgery, { params: { id: kase.id }, body: { listedOn, priority } });
  const patient = await (await c.reception.get(`/api/v1/patients/${kase.patientId}`)).json();
  return { mrn: patient.mrn, listedOn };
}

test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
  listed.recent = await list("P1", daysAgo(2));
  listed.older = await list("P1", daysAgo(30));
  // The 18-week target (126 days, WL-2): one breaches tomorrow, one breached four days ago.
  listed.nearBreach = await list("P2", daysAgo(125));
  listed.breached = await list("P2", daysAgo(130));
});

const breachOf = (l: Listed) => formatDay(addDays(l.listedOn, 126));

/** The list's rows' text, top to bottom. */
const rowTexts = (page: Page) =>
  page
    .getByRole("region", { name: /Patients waiting/ })
    .getByRole("row")
    .allInnerTexts();

test.describe("the waiting list (WL-3)", () => {
  test("reception sees the list in order with breach dates, filters it by priority, and exports it as CSV (WL-3)", async ({
    page,
  }) => {
    await signInThroughPage(page, emailOf("reception"));
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Waiting list" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Waiting list" })).toBeVisible();

    await page.getByLabel("Priority").selectOption("P1");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/\?priority=P1$/);
    // The figures follow the filters (WL-2: days waited since listing).
    await expect(page.getByRole("region", { name: "Figures for this selection" })).toContainText(
      /\d+ patients? waiting for surgery/,
    );
    const older = page.getByRole("row").filter({ hasText: listed.older.mrn });
    await expect(older).toContainText(breachOf(listed.older));
    await expect(older).toContainText("4 weeks");
    await expect(older).toContainText("Operate within 72 hours", { ignoreCase: true });
    const rows = await rowTexts(page);
    const at = (l: Listed) => rows.findIndex((r) => r.includes(l.mrn));
    // P1 both: the earlier breach date first (WL-3); no P2 on a P1 list.
    expect(at(listed.older)).toBeGreaterThan(0);
    expect(at(listed.older)).toBeLessThan(at(listed.recent));
    expect(at(listed.breached)).toBe(-1);

    // The filter lives in the address: a reload shows the same list.
    await page.reload();
    await expect(page.getByLabel("Priority")).toHaveValue("P1");
    await expect(page.getByRole("row").filter({ hasText: listed.recent.mrn })).toContainText("Not booked");

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download this list as CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("waiting-list.csv");
    const csv = (await (await import("node:fs/promises")).readFile((await download.path())!, "utf8")).split("\r\n");
    expect(csv[0]).toMatch(/^Priority,Patient,MRN,Listed on,Days waiting,Breach date,/);
    const line = (l: Listed) => csv.findIndex((r) => r.includes(`,${l.mrn},`));
    expect(line(listed.older)).toBeGreaterThan(0);
    expect(line(listed.older)).toBeLessThan(line(listed.recent));
    expect(csv[line(listed.older)]).toContain(`,${listed.older.listedOn},30,${addDays(listed.older.listedOn, 126)},`);
    expect(csv.slice(1).filter((r) => r && !r.startsWith("P1,"))).toEqual([]);

    await page.getByLabel("Priority").selectOption("P2");
    await page.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(/\?priority=P2$/);
    const breached = page.getByRole("row").filter({ hasText: listed.breached.mrn });
    await expect(breached).toContainText(`${breachOf(listed.breached)} Breached`);
    const nearBreach = page.getByRole("row").filter({ hasText: listed.nearBreach.mrn });
    await expect(nearBreach).toContainText(`${breachOf(listed.nearBreach)} Breach within 4 weeks`);
    const p2 = await rowTexts(page);
    expect(p2.findIndex((r) => r.includes(listed.breached.mrn))).toBeLessThan(
      p2.findIndex((r) => r.includes(listed.nearBreach.mrn)),
    );

    // Each row opens its case.
    await breached.getByRole("link").click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  });
});
