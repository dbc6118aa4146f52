import { expect, test, type Page } from "@playwright/test";
import { formatDay } from "@/lib/domain/date-format";
import { addDays } from "@/lib/domain/time";
import { priorityDueOn, priorityMeaning } from "@/lib/domain/waiting-list";
import { endpoints } from "@/lib/http/endpoints";
import { apiAs, emailOf, send, signInThroughPage } from "./support";
import { daysAgo } from "./clock";
import { newPatient, post, type Clients } from "./pathway-support";

let c: Clients;
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
});

/**
 * A case referred 200 days ago whose first-line course started 150 days ago and failed at its
 * review 140 days ago: ready to list, its referral clock stopped after 50 days (WL-2).
 */
async function caseReadyToList() {
  const patient = await newPatient(c.reception);
  const kase = await post(c.reception, endpoints.createCase, {
    body: { patientId: patient.id, side: "left", mechanism: "microtrauma", referredOn: daysAgo(200) },
  });
  const params = { id: kase.id };
  await post(c.surgeon, endpoints.recordImaging, {
    params,
    body: { modality: "mri", performedOn: daysAgo(190), findings: "Os trigonum", supportsDiagnosis: true },
  });
  const course = await post(c.surgeon, endpoints.startFirstLineCourse, {
    params,
    body: { startedOn: daysAgo(150), painSeverity: "moderate", measures: ["analgesics"] },
  });
  await post(
    c.surgeon,
    endpoints.reviewFirstLineCourse,
    { params: { id: kase.id, courseId: course.id }, body: { reviewedOn: daysAgo(140), outcome: "failed" } },
    200,
  );
  return kase.id as string;
}

const priority = (page: Page, legend: string, p: "P1" | "P2" | "P3" | "P4") =>
  page.getByRole("group", { name: legend }).getByLabel(`${p} — ${priorityMeaning[p]}`);

test.describe("the surgeon's listing priority and the case's clocks (WL-1, WL-2)", () => {
  test("lists with a priority, sees both clocks and the priority's due date, then changes it with a reason and sees the history", async ({
    page,
  }) => {
    const caseId = await caseReadyToList();
    await signInThroughPage(page, emailOf("surgeon"));
    await expect(page).toHaveURL(/\/surgeon$/);
    await page.goto(`/cases/${caseId}`);

    // The page always asks: no priority is chosen for the surgeon.
    const choice = page.getByRole("group", { name: "Clinical priority" });
    await expect(choice.getByRole("radio")).toHaveCount(4);
    for (const radio of await choice.getByRole("radio").all()) await expect(radio).not.toBeChecked();

    // Listed 130 days ago: past the 18-week (126-day) breach date.
    const listedOn = daysAgo(130);
    await page.getByLabel("Listed on").fill(listedOn);
    await priority(page, "Clinical priority", "P2").check();
    await page.getByRole("button", { name: "List for arthroscopy" }).click();
    await expect(page.locator(".badge")).toHaveText("Listed for surgery");

    const clocks = page.getByRole("region", { name: "Waiting times" });
    await expect(clocks.getByText(`Priority P2 — ${priorityMeaning.P2}`)).toBeVisible();
    await expect(clocks).toContainText(`due by ${formatDay(priorityDueOn(listedOn, "P2")!)} (past its due date)`);
    await expect(clocks.getByRole("heading", { name: "Referral to first-line treatment" })).toBeVisible();
    await expect(clocks).toContainText(`Stopped on ${formatDay(daysAgo(150))}, within the target`);
    await expect(clocks).toContainText("Waited 7 weeks 1 day (50 days)");
    await expect(clocks).toContainText(`Breach date ${formatDay(addDays(daysAgo(200), 126))}`);
    await expect(clocks.getByRole("heading", { name: "Listing to operation" })).toBeVisible();
    await expect(clocks).toContainText("Running: breached, past the breach date");
    await expect(clocks).toContainText("Waited 18 weeks 4 days (130 days)");
    await expect(clocks).toContainText(`Breach date ${formatDay(addDays(listedOn, 126))}`);

    // The change: a new priority and the reason, confirmed in words, then in the history and the timeline.
    const change = page.getByRole("region", { name: "Change the priority" });
    await expect(priority(page, "New priority", "P2")).toBeDisabled();
    await priority(page, "New priority", "P1").check();
    await change.getByLabel("Reason for the change").fill("Locking of the ankle at night");
    await change.getByRole("button", { name: "Change the priority" }).click();
    await expect(change.getByRole("status")).toHaveText(`Priority changed to P1 — ${priorityMeaning.P1}.`);
    await expect(clocks.getByText(`Priority P1 — ${priorityMeaning.P1}`)).toBeVisible();
    const history = page.getByRole("region", { name: "Clinical record" }).getByRole("list").filter({
      hasText: "Priority set to P2",
    });
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await expect(history.getByRole("listitem").nth(1)).toContainText("Priority P2 → P1");
    await expect(history.getByRole("listitem").nth(1)).toContainText("Locking of the ankle at night");
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline.getByText("Priority P2 → P1, by")).toBeVisible();
  });

  test("sees in words why a change is refused once the case has left the list (WL-1)", async ({ page }) => {
    const caseId = await caseReadyToList();
    await post(c.surgeon, endpoints.listForSurgery, { params: { id: caseId }, body: { priority: "P3" } });
    await signInThroughPage(page, emailOf("surgeon"));
    await expect(page).toHaveURL(/\/surgeon$/);
    await page.goto(`/cases/${caseId}`);
    const change = page.getByRole("region", { name: "Change the priority" });
    await expect(change).toBeVisible();
    // Meanwhile the case is cancelled elsewhere.
    const cancelled = await send(c.surgeon, endpoints.cancelCase, {
      params: { id: caseId },
      body: { reason: "Moved away" },
    });
    expect(cancelled.status()).toBe(200);
    await priority(page, "New priority", "P1").check();
    await change.getByLabel("Reason for the change").fill("Worse pain");
    await change.getByRole("button", { name: "Change the priority" }).click();
    const refusal = change.getByRole("alert");
    await expect(refusal).toContainText("Rule WL-1");
    await expect(refusal.locator("strong")).not.toBeEmpty();
  });
});
