import { expect, test } from "@playwright/test";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { today, weekdayAfter } from "./clock";
import { caseAt, type Clients } from "./pathway-support";

let c: Clients;
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
});

test.describe("reception books", () => {
  test.beforeEach(async ({ page }) => {
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
  });

  test("finds a free slot and books a consultation (SC-1, SC-2, SC-5)", async ({ page }) => {
    const kase = await caseAt(c, "referred");
    await page.goto(`/cases/${kase.id}`);
    const appointments = page.getByRole("region", { name: "Appointments" });
    await expect(appointments.getByText("No appointment booked.")).toBeVisible();
    await appointments.getByLabel("Appointment").selectOption("consultation");
    await appointments.getByLabel("From").fill(weekdayAfter(today(), 1));
    await appointments.getByRole("button", { name: "Find free slots" }).click();
    const first = appointments.getByRole("list", { name: "Free slots" }).getByRole("button").first();
    const label = (await first.textContent())!.replace("Book ", "");
    await first.click();
    await expect(appointments.getByRole("status")).toContainText(`Booked: Consultation on ${label}`);
    await expect(appointments.getByRole("row").filter({ hasText: label })).toContainText("booked");
  });

  test("books an arthroscopy as the assessment allows, a day case with help at home, without being shown the assessment (SX-4)", async ({
    page,
  }) => {
    const kase = await caseAt(c, "assessed", { homeSupport: true, operatedDaysAgo: 0, assessedDaysBeforeOperation: 1 });
    await page.goto(`/cases/${kase.id}`);
    const appointments = page.getByRole("region", { name: "Appointments" });
    await appointments.getByLabel("Appointment").selectOption("arthroscopy");
    await appointments.getByLabel("From").fill(weekdayAfter(today(), 2));
    await appointments.getByRole("button", { name: "Find free slots" }).click();
    await expect(appointments.getByLabel("As the anaesthesia assessment allows")).toBeChecked();
    await appointments.getByRole("list", { name: "Free slots" }).getByRole("button").first().click();
    await expect(appointments.getByRole("status")).toContainText("Booked: Arthroscopy");
    await expect(appointments.getByRole("row").filter({ hasText: "Arthroscopy (day case)" })).toBeVisible();
    await expect(page.locator(".badge")).toHaveText("Operation scheduled");
  });

  test("cannot book a day case without help at home, and is told why (SX-4)", async ({ page }) => {
    const kase = await caseAt(c, "assessed", {
      homeSupport: false,
      operatedDaysAgo: 0,
      assessedDaysBeforeOperation: 1,
    });
    await page.goto(`/cases/${kase.id}`);
    const appointments = page.getByRole("region", { name: "Appointments" });
    await appointments.getByLabel("Appointment").selectOption("arthroscopy");
    await appointments.getByLabel("From").fill(weekdayAfter(today(), 2));
    await appointments.getByRole("button", { name: "Find free slots" }).click();
    await appointments.getByLabel("Day case").check();
    await appointments.getByRole("list", { name: "Free slots" }).getByRole("button").first().click();
    await expect(appointments.getByRole("alert")).toContainText("Rule SX-4");
    await expect(appointments.getByRole("row").filter({ hasText: "Arthroscopy" })).toHaveCount(0);
  });

  test("books the post-operative series from the plan, each dressing on its due day (PO-3, PO-4)", async ({ page }) => {
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 0 });
    await page.goto(`/cases/${kase.id}`);
    const appointments = page.getByRole("region", { name: "Appointments" });
    await appointments.getByLabel("Dressings at").fill("09:40");
    await appointments.getByLabel("Physiotherapy at").fill("13:20");
    await appointments.getByRole("button", { name: "Show the series" }).click();
    const preview = appointments.getByRole("list", { name: "Series to book" });
    await expect(preview.getByText(/^Dressing due/)).toHaveCount(7);
    const book = appointments.getByRole("button", { name: /^Book \d+ appointments$/ });
    const count = Number((await book.textContent())!.match(/\d+/)![0]);
    await book.click();
    await expect(appointments.getByRole("status")).toHaveText(new RegExp(`^Booked ${count} of \\d+\\.$`));
    await expect(appointments.getByRole("row").filter({ hasText: "Dressing" })).toHaveCount(7);
    const plan = await (await c.surgeon.get(`${kase.url}/care-plan`)).json();
    for (const dressing of plan.dressings) expect(dressing.bookedAt).not.toBeNull();
  });
});
