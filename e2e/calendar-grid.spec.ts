import { expect, test, type Page } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { siteAt, today, weekdayAfter } from "./clock";
import { caseAt, post } from "./pathway-support";

async function clients() {
  return {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
}

/** Reception opens the calendar of one clinician on one day. */
async function openDayOf(page: Page, clinician: string, day: string) {
  await signInThroughPage(page, emailOf("reception"));
  await expect(page).toHaveURL(/\/reception$/);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
  await page.getByLabel("Calendar of").selectOption("clinician");
  await page.getByLabel("Clinician").selectOption({ label: clinician });
  await page.getByLabel("Show").selectOption("day");
  await page.getByLabel("Date").fill(day);
}

test.describe("the calendar grid", () => {
  test("reception books a consultation from a free block of a surgeon's day, with the keyboard", async ({ page }) => {
    const c = await clients();
    const kase = await caseAt(c, "referred");
    const patient = (await (await c.reception.get(kase.url)).json()).patient;
    const day = weekdayAfter(today(), 37);
    await openDayOf(page, "Mr Alan Hart", day);

    const free = page.getByRole("button", { name: /Free/ });
    await expect(free).toHaveCount(1);
    await free.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Book an appointment" })).toBeFocused();
    const form = page.getByRole("form", { name: "Book an appointment" });
    await expect(form.getByLabel(/^Start/)).toHaveValue(`${day}T08:00`);
    await form.getByLabel(/^Start/).fill(`${day}T10:30`);
    await form.getByLabel("Find the patient (name or MRN)").fill(patient.mrn);
    await form.getByLabel("Find the patient (name or MRN)").press("Enter");
    await form.getByLabel("Patient", { exact: true }).selectOption({ label: `${patient.name} (${patient.mrn})` });
    await form.getByLabel("Case").selectOption({ index: 1 });
    await form.getByLabel("Appointment").selectOption("consultation");
    await form.getByRole("button", { name: "Book", exact: true }).click();

    await expect(page.getByRole("status").filter({ hasText: "Booked:" })).toContainText(`Booked: ${patient.name}`);
    await expect(page.getByRole("button").filter({ hasText: patient.name })).toBeVisible();
    // The free block is split around the new booking.
    await expect(page.getByRole("button", { name: /Free/ })).toHaveCount(2);
    const booked = (await (await c.reception.get(`/api/v1/appointments?caseId=${kase.id}`)).json()).items;
    expect(booked.map((a: { start: string; clinician: { name: string } }) => [a.start, a.clinician.name])).toEqual([
      [siteAt(day, 10, 30), "Mr Alan Hart"],
    ]);
  });

  test("reception opens a booking with Enter, moves it (a clash is refused with its message) and cancels another, struck through", async ({
    page,
  }) => {
    const c = await clients();
    const surgeons = (await (await c.reception.get("/api/v1/staff?role=surgeon")).json()).items;
    const hart = surgeons.find((s: { name: string }) => s.name === "Mr Alan Hart");
    const day = weekdayAfter(today(), 39);
    const [first, second] = [await caseAt(c, "referred"), await caseAt(c, "referred")];
    const book = (caseId: string, hours: number) =>
      post(c.reception, endpoints.bookAppointment, {
        body: { caseId, kind: "consultation", start: siteAt(day, hours), clinicianId: hart.id },
      });
    const morning = await book(first.id, 10);
    const afternoon = await book(second.id, 14);
    await openDayOf(page, "Mr Alan Hart", day);

    await page.getByRole("button").filter({ hasText: morning.patient.name }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: `Appointment: ${morning.patient.name}` })).toBeFocused();
    await expect(page.getByRole("link", { name: "Open the case" })).toHaveAttribute("href", `/cases/${first.id}`);
    await page.getByRole("button", { name: "Move", exact: true }).press("Enter");
    const move = page.getByRole("form", { name: "Move the appointment" });
    await expect(move.getByLabel(/^New start/)).toHaveValue(`${day}T10:00`);
    await move.getByLabel(/^New start/).fill(`${day}T14:00`);
    await move.getByLabel("Reason").fill("Patient asked for the afternoon");
    await move.getByRole("button", { name: "Confirm the move" }).press("Enter");
    await expect(move.getByRole("alert")).toContainText(/booked|taken/i);
    const unmoved = await (await c.reception.get(`/api/v1/appointments/${morning.id}`)).json();
    expect(unmoved.start).toBe(siteAt(day, 10));

    await move.getByLabel(/^New start/).fill(`${day}T11:00`);
    await move.getByRole("button", { name: "Confirm the move" }).press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Moved:" })).toContainText(
      `Moved: ${morning.patient.name}, Consultation, now`,
    );
    await expect(page.getByRole("status").filter({ hasText: "Moved:" })).toContainText("11:00");
    const moved = await (await c.reception.get(`/api/v1/appointments/${morning.id}`)).json();
    expect(moved.start).toBe(siteAt(day, 11));

    await page.getByRole("button").filter({ hasText: afternoon.patient.name }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Cancel appointment", exact: true }).press("Enter");
    const cancel = page.getByRole("form", { name: "Cancel the appointment" });
    await cancel.getByLabel("Reason").fill("Patient unwell");
    await cancel.getByRole("button", { name: "Cancel the appointment" }).press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "Cancelled:" })).toContainText(
      `Cancelled: ${afternoon.patient.name}`,
    );
    const struck = page.getByRole("button").filter({ hasText: `Cancelled: ${afternoon.patient.name}` });
    await expect(struck).toHaveCSS("text-decoration-line", "line-through");
    const cancelled = await (await c.reception.get(`/api/v1/appointments/${afternoon.id}`)).json();
    expect(cancelled.status).toBe("cancelled");
  });

  test("at phone width the calendar shows one day and the page does not scroll sideways", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto("/calendar");
    await expect(page.getByText("On a narrow screen the week is shown one day at a time.")).toBeVisible();
    await expect(page.locator(".rbc-time-view .rbc-day-slot")).toHaveCount(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
