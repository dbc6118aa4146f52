// A patient asks, through their own page's route (no staff session: the link is the authority),
// for an appointment to be moved; reception sees the request on its home page and closes it,
// after a confirmation, as moved or as not possible. The appointment itself is never changed by
// the request.
import { randomUUID } from "node:crypto";
import { expect, request, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { portalLinkAsOf } from "./arrange";
import { seriousViolations } from "./axe";
import { now } from "./clock";
import { mailsTo } from "./mailbox";
import { apiAs, emailOf, send, signInThroughPage } from "./support";
import { endpoints } from "@/lib/http/endpoints";

/** Asks, as the patient holding a new link, to move their next appointment; answers what was asked. */
async function patientAsks() {
  const link = portalLinkAsOf(now());
  const note = `Any weekday morning (${randomUUID().slice(0, 8)})`;
  const patient = await request.newContext({ baseURL });
  const asked = await patient.post(`/portal/${link.token}/move-requests`, {
    data: { appointmentId: link.appointmentId, note },
    headers: { origin: baseURL },
  });
  expect(asked.status(), await asked.text()).toBe(201);
  // A second request while the first is open is refused plainly.
  const again = await patient.post(`/portal/${link.token}/move-requests`, {
    data: { appointmentId: link.appointmentId, note: "Again" },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).code).toBe("MOVE_REQUEST_OPEN");
  await patient.dispose();
  return { ...link, note };
}

test.describe("requests from patients to move an appointment", () => {
  test("reception sees a patient's request and marks it moved after confirming; the appointment is unchanged", async ({
    page,
  }) => {
    const asked = await patientAsks();
    const reception = await apiAs("reception");
    const before = await (
      await send(reception, endpoints.getAppointment, { params: { id: asked.appointmentId } })
    ).json();

    await signInThroughPage(page, emailOf("reception"));
    const panel = page.getByRole("region", { name: "Requests from patients" });
    const item = panel.getByRole("listitem").filter({ hasText: asked.note });
    await expect(item).toBeVisible();
    await expect(item.getByRole("link", { name: asked.patientName })).toBeVisible();
    await expect(item.getByRole("link", { name: "Move it in the case’s appointments" })).toHaveAttribute(
      "href",
      /^\/cases\/[0-9a-f-]{36}#appointments-title$/,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await item.getByRole("button", { name: "Mark as moved" }).click();
    await expect(item.getByText("Marking the request as moved closes it.")).toBeVisible();
    await item
      .getByLabel("Reply to the patient (optional, shown on their page)")
      .fill("Moved to a later morning by phone");
    await item.getByRole("button", { name: "Yes, mark as moved" }).click();
    await expect(panel.getByText(`The request of ${asked.patientName} was marked as moved.`)).toBeVisible();
    await expect(panel.getByText(asked.note)).toHaveCount(0);

    const after = await (
      await send(reception, endpoints.getAppointment, { params: { id: asked.appointmentId } })
    ).json();
    expect({ start: after.start, status: after.status }).toEqual({ start: before.start, status: before.status });
    await reception.dispose();
  });

  test("reception can step back from closing a request, then close it as not possible, with a reply the patient reads on their page", async ({
    page,
    browser,
  }) => {
    const asked = await patientAsks();
    await signInThroughPage(page, emailOf("reception"));
    const panel = page.getByRole("region", { name: "Requests from patients" });
    const item = panel.getByRole("listitem").filter({ hasText: asked.note });
    await item.getByRole("button", { name: "Could not move" }).click();
    await item.getByRole("button", { name: "Back" }).click();
    await item.getByRole("button", { name: "Could not move" }).click();
    await expect(item.getByText("This closes the request without moving the appointment.")).toBeVisible();
    const reply = "No other nurse visit is free this week";
    await item.getByLabel("Reply to the patient (optional, shown on their page)").fill(reply);
    await item.getByRole("button", { name: "Yes, could not move" }).click();
    await expect(panel.getByText(`The request of ${asked.patientName} was marked as not moved.`)).toBeVisible();
    await expect(panel.getByText(asked.note)).toHaveCount(0);

    // The patient is told by email that the appointment stays as booked, with the reply...
    const told = async () =>
      (await mailsTo(asked.patientEmail)).filter(
        (m) => m.subject?.startsWith("We could not move your") && m.text?.includes(`The clinic says: “${reply}”`),
      ).length;
    await expect.poll(told, { timeout: 60_000 }).toBe(1);
    // ...and reads the reply on their page, as its label says.
    const patient = await browser.newContext();
    const own = await patient.newPage();
    await own.goto(`/portal/${asked.token}`);
    await expect(own.getByText(`The clinic could not move this appointment: ${reply}`)).toBeVisible();
    await patient.close();
  });

  test("the panel fits a phone's width", async ({ page }) => {
    const asked = await patientAsks();
    await page.setViewportSize({ width: 390, height: 844 });
    await signInThroughPage(page, emailOf("reception"));
    const item = page
      .getByRole("region", { name: "Requests from patients" })
      .getByRole("listitem")
      .filter({ hasText: asked.note });
    await expect(item.getByRole("button", { name: "Mark as moved" })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
