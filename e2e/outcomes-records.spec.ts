import { expect, test, type APIRequestContext } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { addMonthsClamped, daysBetween } from "@/lib/domain/time";
import { bookAsOf } from "./arrange";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { daysAgo, siteAt, startOf, today } from "./clock";
import { caseAt, post, type Clients } from "./pathway-support";

let c: Clients;
let physio: APIRequestContext;
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
  physio = await apiAs("physio");
});

test.describe("outcome records", () => {
  test("a nurse records an infected dressing visit and the surgeon records the complication it offers, pre-filled (OC-3)", async ({
    page,
  }) => {
    // A day-2 visit booked at today's midnight for 16:30 (the nurses' hours, clear of the demo's
    // morning round), so the nurse records it whatever the hour.
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 2 });
    const id = bookAsOf(new Date(startOf(today())), {
      caseId: kase.id,
      kind: "dressing",
      start: siteAt(today(), 16, 30),
      homeVisit: true,
    });
    const patient = (await (await c.reception.get(`/api/v1/appointments/${id}`)).json()).patient.name as string;

    await signInThroughPage(page, emailOf("nurse"));
    await expect(page.getByRole("heading", { level: 1, name: "Dressing round" })).toBeVisible();
    const visit = page.getByRole("listitem", { name: new RegExp(`^${patient.replace(/[()]/g, ".")} at`) });
    await visit.getByLabel("Signs of infection", { exact: true }).check();
    await visit.getByRole("button", { name: "Record visit" }).click();
    await expect(visit.getByText("Recorded: Signs of infection")).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);

    await signInThroughPage(page, emailOf("surgeon"));
    const row = page.getByRole("region", { name: "Recovery board" }).getByRole("row").filter({ hasText: patient });
    await expect(row.getByText(/^Signs of infection at the dressing of/)).toBeVisible();
    await row.getByRole("link", { name: "Record the complication…" }).click();

    const section = page.getByRole("region", { name: "Complications" });
    const form = section.getByRole("form", { name: /^Wound infection from the dressing of/ });
    await expect(form.getByLabel("Kind")).toHaveValue("wound_infection");
    await expect(form.getByLabel("Date")).toHaveValue(today());
    await expect(form.getByLabel("Clavien-Dindo grade")).toHaveValue("");
    await form.getByLabel("Clavien-Dindo grade").selectOption("II");
    await form.getByRole("button", { name: "Record the complication" }).click();
    await expect(section.getByRole("status")).toHaveText(/^Complication recorded: wound infection, grade II, on /);
    await expect(section.getByRole("list", { name: "Complications" })).toContainText("Wound infection");
    await expect(section.getByRole("button", { name: "Record the wound infection…" })).toHaveCount(0);

    await page.goto("/surgeon");
    await expect(row.getByText(/^Signs of infection at the dressing of/)).toBeVisible();
    await expect(row.getByRole("link", { name: "Record the complication…" })).toHaveCount(0);
  });

  test("a physiotherapist records a return to running after its clearance, read against the two months (OC-2)", async ({
    page,
  }) => {
    // Operated just over two months ago, cleared for running on its first allowed day.
    let n = 60;
    while (addMonthsClamped(daysAgo(n), 2) > daysAgo(5)) n++;
    const kase = await caseAt(c, "operated", { operatedDaysAgo: n });
    const allowedFrom = addMonthsClamped(daysAgo(n), 2);
    await post(physio, endpoints.recordClearance, {
      params: { id: kase.id },
      body: { activity: "running", clearedOn: allowedFrom },
    });

    await signInThroughPage(page, emailOf("physio"));
    await expect(page.getByRole("heading", { level: 1, name: "Physiotherapy" })).toBeVisible();
    await page.goto(`/cases/${kase.id}`);
    const section = page.getByRole("region", { name: "Return to activity" });
    await expect(section.getByText("No return to activity is recorded yet.")).toBeVisible();
    const form = section.getByRole("form", { name: "Record a return to activity" });
    await form.getByLabel("Activity").selectOption("swimming");
    await form.getByRole("button", { name: "Record the return" }).click();
    await expect(form.getByRole("alert")).toContainText("not been cleared for swimming");

    await form.getByLabel("Activity").selectOption("running");
    await form.getByLabel("Yes").check();
    await form.getByRole("button", { name: "Record the return" }).click();
    const after = daysBetween(allowedFrom, today());
    const summary = `Resumed running on day ${n}, ${after} days after it was allowed (from day ${n - after}).`;
    await expect(form.getByRole("status")).toHaveText(`Recorded. ${summary}`);
    await expect(section.getByRole("list", { name: "Returns to activity" })).toContainText(summary);
    await expect(section.getByRole("list", { name: "Returns to activity" })).toContainText("at the previous level");
  });
});
