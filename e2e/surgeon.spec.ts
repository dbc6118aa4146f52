import { expect, test, type Page } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { apiAs, emailOf, send, signInThroughPage } from "./support";
import { daysAgo, earlierToday, siteWallClock, today } from "./clock";
import { caseAt, newPatient } from "./pathway-support";

async function choose(page: Page, legend: string, option: string) {
  await page.getByRole("group", { name: legend }).getByLabel(option, { exact: true }).check();
}

test.describe("surgeon", () => {
  test("takes a patient from referral to the operation note and the post-operative plan (DX-3, SX-1, SX-6)", async ({
    page,
  }) => {
    const reception = await apiAs("reception");
    const patient = await newPatient(reception);

    await signInThroughPage(page, emailOf("surgeon"));
    await expect(page.getByRole("heading", { level: 1, name: "Case review" })).toBeVisible();
    await page.getByLabel("Name, MRN or birth date").fill(patient.mrn);
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: `${patient.familyName.toUpperCase()}, ${patient.givenName}` }).click();

    // Referral.
    await page.getByLabel("Ankle").selectOption("left");
    await page.getByLabel("Mechanism").selectOption("microtrauma");
    await page.getByLabel("Pain in plantar flexion").check();
    await page.getByLabel("Triggers (optional)").fill("Pointe work");
    await page.getByRole("button", { name: "Open case" }).click();
    await expect(page.getByText("Referred, awaiting diagnosis").first()).toBeVisible();
    const blocked = page.getByRole("region", { name: "Not possible now" });
    await expect(blocked.getByText("Start a first-line course — rule DX-3")).toBeVisible();

    // Diagnosis by MRI.
    await page.getByLabel("Modality").selectOption("mri");
    await page.getByLabel("Findings").fill("Os trigonum with oedema");
    await choose(page, "Does it support the diagnosis?", "Yes");
    await page.getByRole("button", { name: "Record imaging" }).click();
    await expect(page.locator(".badge")).toHaveText("Diagnosed");

    // First-line course, then its review.
    await page
      .getByRole("region", { name: "Start a first-line course" })
      .getByLabel("Pain", { exact: true })
      .selectOption("moderate");
    await page.getByLabel("Strapping (limits plantar flexion)").check();
    await page.getByLabel("Cryotherapy").check();
    await page.getByRole("button", { name: "Start course" }).click();
    await expect(page.locator(".badge")).toHaveText("First-line treatment");
    await expect(blocked.getByText("List for arthroscopy — rule SX-1")).toBeVisible();
    await choose(page, "Outcome", "Failed");
    await page.getByRole("button", { name: "Record review" }).click();
    await expect(page.getByText("Failed at review on")).toBeVisible();

    // Listing.
    await page.getByLabel("Notes (optional)").fill("Excision of the os trigonum");
    // WL-1: the page always asks for the clinical priority.
    await page.getByRole("group", { name: "Clinical priority" }).getByLabel("P3 — Operate within 3 months").check();
    await page.getByRole("button", { name: "List for arthroscopy" }).click();
    await expect(page.locator(".badge")).toHaveText("Listed for surgery");
    await expect(blocked.getByText("Record the operation — rule SX-2")).toBeVisible();

    // The anaesthetist assesses (their own journey is tested on its own).
    const anaesthetist = await apiAs("anaesthetist");
    const caseId = page.url().split("/cases/")[1]!;
    const assessed = await send(anaesthetist, endpoints.recordAnaesthesiaAssessment, {
      params: { id: caseId },
      body: { assessedOn: today(), asaGrade: 1, anaesthesiaType: "locoregional", homeSupport: true },
    });
    expect(assessed.status()).toBe(201);
    await page.reload();
    await expect(page.locator(".badge")).toHaveText("Assessed for anaesthesia");

    // The operation note.
    await page.getByLabel(/Performed at/).fill(siteWallClock(earlierToday()));
    await page.getByLabel("Operative findings").fill("Os trigonum excised");
    await page.getByLabel("Analgesia prescribed for home").fill("Paracetamol 1 g four times a day");
    await page.getByRole("button", { name: "Record operation" }).click();
    await expect(page.locator(".badge")).toHaveText("Operated");

    // The timeline holds every step, and the plan came with the note.
    for (const step of [
      "Referred, awaiting diagnosis, by",
      "Referred, awaiting diagnosis → Diagnosed",
      "Diagnosed → First-line treatment",
      "First-line treatment → Listed for surgery",
      "Listed for surgery → Assessed for anaesthesia",
      "Assessed for anaesthesia → Operated",
    ]) {
      await expect(page.getByRole("region", { name: "Timeline" }).getByText(step)).toBeVisible();
    }
    await page.getByRole("link", { name: "Post-operative plan" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Your recovery plan after posterior ankle arthroscopy" }),
    ).toBeVisible();
    await expect(page.getByText("No cast or splint is needed after this operation.")).toBeVisible();
    await expect(page.getByRole("cell", { name: "D14" })).toBeVisible();
  });

  test("sees a refusal from the server in the page with its rule (SX-3)", async ({ page }) => {
    const clients = {
      reception: await apiAs("reception"),
      surgeon: await apiAs("surgeon"),
      anaesthetist: await apiAs("anaesthetist"),
    };
    // Assessed today: an operation dated yesterday would come before the assessment.
    const kase = await caseAt(clients, "assessed", { operatedDaysAgo: 0, assessedDaysBeforeOperation: 0 });
    await signInThroughPage(page, emailOf("surgeon"));
    await expect(page).toHaveURL(/\/surgeon$/);
    await page.goto(`/cases/${kase.id}`);
    await page.getByLabel(/Performed at/).fill(`${daysAgo(1)}T10:00`);
    await page.getByLabel("Operative findings").fill("Spur");
    await page.getByLabel("Analgesia prescribed for home").fill("Paracetamol");
    await page.getByRole("button", { name: "Record operation" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Rule SX-3");
    await expect(page.locator(".badge")).toHaveText("Assessed for anaesthesia");
  });

  test("finds cases in every state on the worklist", async ({ page }) => {
    await signInThroughPage(page, emailOf("surgeon"));
    for (const group of [
      "Awaiting diagnosis",
      "Diagnosed: first-line treatment to start",
      "In first-line treatment: review due",
      "Listed: waiting for an assessment or a date",
      "Operated and in recovery",
    ]) {
      const region = page.getByRole("region", { name: new RegExp(`^${group.replace(/[:()]/g, ".")}`) });
      await expect(region.getByRole("row").nth(1)).toBeVisible();
    }
  });
});
