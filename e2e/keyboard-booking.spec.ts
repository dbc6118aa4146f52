import { expect, test, type Locator, type Page } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { apiAs, emailOf, send, signInThroughPage } from "./support";
import { siteZone, today, weekdayAfter } from "./clock";
import { formatDay, formatTime } from "@/lib/domain/date-format";

// Typing a date into Chromium's date field follows the locale's order: month, day, year here.
test.use({ locale: "en-US" });

/** Keys pressed, counted: the figure the issue asks for. */
let keys = 0;
async function press(page: Page, key: string) {
  keys += 1;
  await page.keyboard.press(key);
}
async function type(page: Page, text: string) {
  keys += text.length;
  await page.keyboard.type(text);
}
/** Tab until `target` has the focus (never more than 60 presses). */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await press(page, "Tab");
  }
  throw new Error("The control was never reached by Tab");
}

test("reception books a first consultation with a chosen surgeon on a chosen afternoon using only the keyboard", async ({
  page,
}) => {
  const reception = await apiAs("reception");
  const cases = await (await send(reception, endpoints.listCases, { query: { status: "referred" } })).json();
  const kase = cases.items[0];
  const surgeons = await (await send(reception, endpoints.listStaff, { query: { role: "surgeon" } })).json();
  const nair = surgeons.items.find((s: { name: string }) => s.name === "Ms Priya Nair");
  const day = weekdayAfter(today(), 2);
  const [year, month, date] = day.split("-");

  await signInThroughPage(page, emailOf("reception"));
  await expect(page).toHaveURL(/\/reception$/);
  await page.goto(`/cases/${kase.id}`);
  const appointments = page.getByRole("region", { name: "Appointments" });
  await expect(appointments.getByLabel("Appointment")).toHaveValue("consultation");

  const finder = appointments.getByRole("form", { name: "Find free slots" });
  await tabTo(page, finder.getByLabel("With"));
  await type(page, "Ms P");
  await expect(finder.getByLabel("With")).toHaveValue(nair.id);
  await tabTo(page, finder.getByLabel("From"));
  await type(page, `${month}${date}${year}`);
  await expect(finder.getByLabel("From")).toHaveValue(day);
  await tabTo(page, finder.getByLabel("Time of day"));
  await type(page, "Af");
  await expect(finder.getByLabel("Time of day")).toHaveValue("afternoon");
  await tabTo(page, finder.getByRole("button", { name: "Find free slots" }));
  await press(page, "Enter");

  const first = appointments.getByRole("list", { name: "Free slots" }).getByRole("listitem").first();
  await expect(first).toContainText("Ms Priya Nair");
  await tabTo(page, first.getByRole("button"));
  const label = (await first.getByRole("button").textContent())!.replace("Book ", "");
  expect(label).toContain(formatDay(day));
  expect(Number(label.slice(-5, -3))).toBeGreaterThanOrEqual(12);
  await press(page, "Enter");

  await expect(appointments.getByRole("status")).toContainText(`Booked: Consultation on ${label}`);
  const row = appointments.getByRole("row").filter({ hasText: label });
  await expect(row).toContainText("Ms Priya Nair");
  const booked = await (
    await send(reception, endpoints.listAppointments, { query: { caseId: kase.id, kind: "consultation" } })
  ).json();
  const made = booked.items.find((a: { start: string }) => label.endsWith(formatTime(a.start, siteZone)));
  expect(made?.clinician?.name).toBe("Ms Priya Nair");
  test.info().annotations.push({ type: "keys", description: `${keys} keys, 0 clicks on the case page` });
  console.log(`keyboard-only booking: ${keys} keys, 0 clicks`);
});

test("reception moves an appointment to a free time the finder offers, with the reason", async ({ page }) => {
  const reception = await apiAs("reception");
  const cases = await (await send(reception, endpoints.listCases, { query: { status: "referred" } })).json();
  const kase = cases.items[1];
  const slots = await (
    await send(reception, endpoints.findSlots, {
      query: { caseId: kase.id, kind: "consultation", from: weekdayAfter(today(), 3), partOfDay: "morning" },
    })
  ).json();
  const booked = await (
    await send(reception, endpoints.bookAppointment, {
      body: {
        caseId: kase.id,
        kind: "consultation",
        start: slots.items[0].start,
        clinicianId: slots.items[0].clinician.id,
        roomId: slots.items[0].room.id,
      },
    })
  ).json();

  await signInThroughPage(page, emailOf("reception"));
  await expect(page).toHaveURL(/\/reception$/);
  await page.goto(`/cases/${kase.id}`);
  const row = page
    .getByRole("row")
    .filter({ hasText: formatTime(booked.start, siteZone) })
    .first();
  await row.getByRole("button", { name: "Move…" }).click();
  const move = page.getByRole("region", { name: "Move the appointment" });
  await move.getByLabel("Reason").fill("Patient asked for an afternoon");
  await move.getByLabel("Time of day").selectOption("afternoon");
  await move.getByRole("button", { name: "Find free slots" }).click();
  const first = move.getByRole("list", { name: "Free slots" }).getByRole("listitem").first();
  await expect(first).toContainText(booked.clinician.name);
  const label = (await first.getByRole("button").textContent())!.replace("Move to ", "");
  await first.getByRole("button").click();
  await expect(page.getByRole("row").filter({ hasText: label })).toContainText("Patient asked for an afternoon");
});
