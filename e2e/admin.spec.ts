import { expect, test } from "@playwright/test";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { caseAt, londonAt, today, weekdayAfter } from "./pathway-support";

test.describe("admin workspace", () => {
  test("lists the demo site's staff and rooms", async ({ page }) => {
    await signInThroughPage(page, emailOf("admin"));
    await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Staff (12)" })).toBeVisible();
    // Other journeys may add rooms: the demo's ten are there whatever else is.
    await expect(page.getByRole("heading", { name: /^Rooms \(\d+\)$/ })).toBeVisible();
    for (const room of ["Theatre 1", "Theatre 2", "Imaging suite", "Physio gym 2", "Dressing room 2"]) {
      await expect(page.getByRole("cell", { name: room, exact: true })).toBeVisible();
    }
  });

  test("browses the audit trail and filters it by patient", async ({ page }) => {
    const reception = await apiAs("reception");
    const patient = (await (await reception.get("/api/v1/patients?q=lambert")).json()).items[0];
    await reception.get(`/api/v1/patients/${patient.id}`);

    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("link", { name: "Audit trail" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
    await page.getByLabel("Patient ID").fill(patient.id);
    await page.getByRole("button", { name: "Filter" }).click();
    const rows = page.getByRole("row").filter({ hasText: "Jo Marsh" });
    await expect(rows.filter({ hasText: "patient.read" }).first()).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: patient.id.slice(0, 8) }).first()).toBeVisible();
  });
});

test.describe("clinic policies", () => {
  test("the administrator shortens the assessment's validity and an older assessment no longer allows the arthroscopy (SX-3)", async ({ page }) => {
    const admin = await apiAs("admin");
    const defaults = await (await admin.get("/api/v1/policies")).json();
    try {
      await signInThroughPage(page, emailOf("admin"));
      await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Policies" }).click();
      await expect(page.getByLabel(/An anaesthesia assessment is valid for/)).toHaveValue(String(defaults.assessmentValidityDays));
      await page.getByLabel(/An anaesthesia assessment is valid for/).fill("30");
      await page.getByRole("button", { name: "Save policies" }).click();
      await expect(page.getByRole("status")).toContainText("Policies saved");

      const clients = { reception: await apiAs("reception"), surgeon: await apiAs("surgeon"), anaesthetist: await apiAs("anaesthetist") };
      const kase = await caseAt(clients, "assessed", { operatedDaysAgo: 0, assessedDaysBeforeOperation: 40 });
      const booking = await clients.reception.post("/api/v1/appointments", { data: { caseId: kase.id, kind: "arthroscopy", start: londonAt(weekdayAfter(today(), 3), 8) } });
      expect((await booking.json()).code).toBe("SX-3");
    } finally {
      expect((await admin.put("/api/v1/policies", { data: defaults })).status()).toBe(200);
    }
  });
});
