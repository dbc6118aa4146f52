import { expect, test } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { apiAs, emailOf, send, signInThroughPage } from "./support";
import { addDays, dayOf } from "@/lib/domain/time";
import { formatDay } from "@/lib/domain/date-format";
import { siteAt, siteZone, startOf, today, weekdayAfter } from "./clock";
import { caseAt } from "./pathway-support";

test.describe("calendars and hours", () => {
  test("reception sees the demo site's real week in the calendar, by site and by clinician", async ({ page }) => {
    const reception = await apiAs("reception");
    const from = today();
    const upcoming = (
      await (await reception.get(`/api/v1/appointments?from=${startOf(from)}&to=${startOf(addDays(from, 14))}`)).json()
    ).items;
    // The first upcoming booked appointment with a clinician, so that the clinician's calendar can show it too.
    const first = upcoming.find(
      (a: { status: string; clinician: { name: string } | null }) => a.status === "booked" && a.clinician,
    );
    expect(first, "an upcoming booked appointment with a clinician in the demo data").toBeTruthy();
    const day = dayOf(new Date(first.start), siteZone);

    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Calendar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeVisible();
    await page.getByLabel("Date").fill(day);
    await expect(page.getByRole("button").filter({ hasText: first.patient.name }).first()).toBeVisible();

    await page.getByLabel("Calendar of").selectOption("clinician");
    await page.getByLabel("Clinician").selectOption({ label: first.clinician.name });
    await page.getByLabel("Show").selectOption("day");
    await expect(page.getByRole("button").filter({ hasText: first.patient.name }).first()).toBeVisible();
  });

  test("leave entered by the administrator keeps a surgeon from being booked that day (SC-2)", async ({ page }) => {
    const reception = await apiAs("reception");
    const surgeons = (await (await reception.get("/api/v1/staff?role=surgeon")).json()).items;
    const surgeon = surgeons.find((s: { name: string }) => s.name === "Ms Priya Nair");
    const leaveDay = weekdayAfter(today(), 25);

    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Hours" }).click();
    await page.getByLabel("Hours of").selectOption({ label: "Ms Priya Nair" });
    await expect(page.getByLabel("Monday from")).toHaveValue("08:00");
    await page.getByLabel("First day").fill(leaveDay);
    await page.getByLabel("Reason").fill("Annual leave");
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText(`${formatDay(leaveDay)}: off — Annual leave`)).toBeVisible();

    const clients = { reception, surgeon: await apiAs("surgeon"), anaesthetist: await apiAs("anaesthetist") };
    const kase = await caseAt(clients, "referred");
    const onLeave = await send(reception, endpoints.bookAppointment, {
      body: { caseId: kase.id, kind: "consultation", start: siteAt(leaveDay, 10), clinicianId: surgeon.id },
    });
    expect(onLeave.status()).toBe(422);
    expect((await onLeave.json()).code).toBe("SC-2");
    const dayAfter = weekdayAfter(leaveDay, 1);
    const next = await send(reception, endpoints.bookAppointment, {
      body: { caseId: kase.id, kind: "consultation", start: siteAt(dayAfter, 10), clinicianId: surgeon.id },
    });
    expect(next.status()).toBe(201);
  });

  test("a half day off takes its times, refuses an end before the start, and a day off takes none", async ({
    page,
  }) => {
    const day = weekdayAfter(today(), 31);
    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Hours" }).click();
    await page.getByLabel("Hours of").selectOption({ label: "Mr Alan Hart" });
    await expect(page.getByLabel("Monday from")).toHaveValue("08:00");
    await expect(page.getByLabel("From", { exact: true })).toBeDisabled();
    await page.getByLabel("Off all day").uncheck();
    await page.getByLabel("First day").fill(day);
    await page.getByLabel("From", { exact: true }).fill("15:00");
    await page.getByLabel("To", { exact: true }).fill("09:00");
    await page.getByLabel("Reason").fill("Clinic audit");
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText("Must be after the start")).toBeVisible();
    await expect(page.getByText(`${formatDay(day)}: off`)).toHaveCount(0);
    await page.getByLabel("From", { exact: true }).fill("09:00");
    await page.getByLabel("To", { exact: true }).fill("12:30");
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText(`${formatDay(day)}: 09:00–12:30 — Clinic audit`)).toBeVisible();
  });

  test("a new room opens only in the hours the administrator sets (SC-2)", async () => {
    const admin = await apiAs("admin");
    const room = await send(admin, endpoints.createRoom, {
      body: { name: `Consulting room ${Date.now()}`, kind: "consulting" },
    });
    expect(room.status()).toBe(201);
    const { id } = await room.json();
    const hours = await send(admin, endpoints.setRoomHours, {
      params: { id },
      body: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startsAt: "13:00", endsAt: "17:00" })) },
    });
    expect((await hours.json()).weekly).toHaveLength(5);

    const reception = await apiAs("reception");
    const clients = { reception, surgeon: await apiAs("surgeon"), anaesthetist: await apiAs("anaesthetist") };
    const kase = await caseAt(clients, "referred");
    const day = weekdayAfter(today(), 30);
    const morning = await send(reception, endpoints.bookAppointment, {
      body: { caseId: kase.id, kind: "consultation", start: siteAt(day, 10), roomId: id },
    });
    expect((await morning.json()).code).toBe("SC-2");
    const afternoon = await send(reception, endpoints.bookAppointment, {
      body: { caseId: kase.id, kind: "consultation", start: siteAt(day, 14), roomId: id },
    });
    expect(afternoon.status()).toBe(201);
  });
});
