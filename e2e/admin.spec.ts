import { expect, test } from "@playwright/test";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { siteAt, today, weekdayAfter } from "./clock";
import { caseAt } from "./pathway-support";

test.describe("admin workspace", () => {
  test("lists the demo site's staff and rooms", async ({ page }) => {
    await signInThroughPage(page, emailOf("admin"));
    await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Staff \(\d+\)$/ })).toBeVisible();
    for (const name of ["Mr Alan Hart", "Dr Ruth Okafor", "Nurse Grace Bell", "Sam Whitfield", "Jo Marsh", "Kim Adeyemi"]) {
      await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
    }
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
      const booking = await clients.reception.post("/api/v1/appointments", { data: { caseId: kase.id, kind: "arthroscopy", start: siteAt(weekdayAfter(today(), 3), 8) } });
      expect((await booking.json()).code).toBe("SX-3");
    } finally {
      expect((await admin.put("/api/v1/policies", { data: defaults })).status()).toBe(200);
    }
  });
});

test.describe("staff accounts", () => {
  test("the administrator adds a nurse who can sign in, then deactivates the account after confirming, which ends her session", async ({ browser, page }) => {
    const email = `nurse.${Date.now()}@demo.clinic`;
    await signInThroughPage(page, emailOf("admin"));
    await page.getByLabel("Name", { exact: true }).fill("Nurse Ada Newby");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Role").selectOption("nurse");
    await page.getByLabel("First password").fill("a-long-first-password");
    await page.getByRole("button", { name: "Add staff member" }).click();
    await expect(page.getByRole("cell", { name: email })).toBeVisible();

    const nurse = await browser.newPage();
    await signInThroughPage(nurse, email, "a-long-first-password");
    await expect(nurse).toHaveURL(/\/nurse$/);

    await page.getByRole("button", { name: "Deactivate Nurse Ada Newby…" }).click();
    await page.getByRole("group", { name: "Confirm deactivating Nurse Ada Newby" }).getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(page.getByRole("button", { name: "Reactivate Nurse Ada Newby" })).toBeVisible();

    expect((await nurse.request.get("/api/v1/staff")).status()).toBe(401);
    await signInThroughPage(nurse, email, "a-long-first-password");
    await expect(nurse.getByRole("main").getByRole("alert")).toHaveText("The email or password is not right.");
    await nurse.close();
  });
});
