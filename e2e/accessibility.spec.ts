import { expect, test } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import type { Role } from "@/lib/auth/policy";
import { apiAs, emailOf, send, signInThroughPage } from "./support";
import { seriousViolations } from "./axe";
import { siteAt, today, weekdayAfter } from "./clock";
import { caseAt } from "./pathway-support";

test.describe("accessibility (WCAG 2 A/AA, serious and critical)", () => {
  test("the sign-in page", async ({ page }) => {
    await page.goto("/login");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the set-password page a new account's link opens", async ({ page }) => {
    const admin = await apiAs("admin");
    const created = await send(admin, endpoints.createStaff, {
      body: { email: `reception.${Date.now()}@demo.clinic`, name: "Reception Accessible", role: "reception" },
    });
    await page.goto((await created.json()).passwordLink.url);
    await expect(page.getByRole("heading", { level: 1, name: "Set your password" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  const workspaces: [Role, string][] = [
    ["reception", "Reception"],
    ["nurse", "Dressing round"],
    ["surgeon", "Case review"],
    ["anaesthetist", "Pre-operative assessments"],
    ["physio", "Physiotherapy"],
    ["admin", "Administration"],
  ];
  for (const [role, heading] of workspaces) {
    test(`the ${role} workspace`, async ({ page }) => {
      await signInThroughPage(page, emailOf(role));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText("Loading…")).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test("the theatre lists, with their move buttons and free gaps", async ({ page }) => {
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto(`/theatre-lists?date=${weekdayAfter(today(), 1)}`);
    await expect(page.getByRole("heading", { level: 1, name: /^Theatre lists/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the calendar grid, with a clinician's free blocks and an opened booking", async ({ page }) => {
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto("/calendar");
    await expect(page.locator(".rbc-time-view")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel("Calendar of").selectOption("clinician");
    await page.getByLabel("Clinician").selectOption({ label: "Mr Alan Hart" });
    await page.getByLabel("Show").selectOption("day");
    await page.getByLabel("Date").fill(weekdayAfter(today(), 1));
    await expect(page.getByRole("button", { name: /Free/ }).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: /Free/ }).first().press("Enter");
    await expect(page.getByRole("heading", { name: "Book an appointment" })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the recovery board with a row's acknowledgement open, and a case's acknowledgement history", async ({
    page,
  }) => {
    const surgeon = await apiAs("surgeon");
    const board = (await (await send(surgeon, endpoints.recoveryBoard, {})).json()) as {
      items: { caseId: string; alerts: { key: string }[] }[];
    };
    const [first, second] = board.items.filter((row) => row.alerts.length > 0);
    await send(surgeon, endpoints.acknowledgeAlert, {
      params: { id: second!.caseId },
      body: { keys: [second!.alerts[0]!.key], note: "Seen in clinic" },
    });
    await signInThroughPage(page, emailOf("surgeon"));
    const row = page.getByRole("region", { name: "Recovery board" }).getByRole("row").nth(1);
    await row.getByRole("button", { name: "Acknowledge…" }).click();
    await expect(row.getByRole("group", { name: "Alerts to acknowledge" })).toBeVisible();
    expect(first).toBeDefined();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`/cases/${second!.caseId}`);
    await expect(page.getByRole("region", { name: "Alerts acknowledged" })).toContainText("Seen in clinic");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the hours page with a staff member's weekly hours and leave form", async ({ page }) => {
    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Hours" }).click();
    await page.getByLabel("Hours of").selectOption({ label: "Mr Alan Hart" });
    await expect(page.getByRole("heading", { name: "Leave and other hours on a date" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a case page with its forms", async ({ page }) => {
    const surgeon = await apiAs("surgeon");
    const kase = (await (await surgeon.get("/api/v1/cases?status=first_line&limit=1")).json()).items[0];
    await signInThroughPage(page, emailOf("surgeon"));
    await expect(page).toHaveURL(/\/surgeon$/);
    await page.goto(`/cases/${kase.id}`);
    await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a case ready to list with its priority choice, then waiting with its clocks and priority history (WL-1, WL-2)", async ({
    page,
  }) => {
    const clients = {
      reception: await apiAs("reception"),
      surgeon: await apiAs("surgeon"),
      anaesthetist: await apiAs("anaesthetist"),
    };
    const kase = await caseAt(clients, "failed_course");
    await signInThroughPage(page, emailOf("surgeon"));
    await expect(page).toHaveURL(/\/surgeon$/);
    await page.goto(`/cases/${kase.id}`);
    await expect(page.getByRole("group", { name: "Clinical priority" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    const params = { id: kase.id };
    expect((await send(clients.surgeon, endpoints.listForSurgery, { params, body: { priority: "P3" } })).status()).toBe(
      201,
    );
    const changed = await send(clients.surgeon, endpoints.changeListingPriority, {
      params,
      body: { priority: "P2", reason: "Worse pain" },
    });
    expect(changed.status()).toBe(200);
    await page.reload();
    await expect(page.getByRole("region", { name: "Waiting times" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Change the priority" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the registration form with the patient's details", async ({ page }) => {
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto("/reception/patients/new");
    await expect(page.getByLabel("Postcode")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the audit browser with a patient's events", async ({ page }) => {
    await signInThroughPage(page, emailOf("admin"));
    await expect(page).toHaveURL(/\/admin$/);
    const reception = await apiAs("reception");
    const { mrn } = (await (await reception.get("/api/v1/patients?q=lambert")).json()).items[0];
    await page.goto("/admin/audit");
    // An MRN matches one patient, who is chosen at once.
    await page.getByLabel("Patient: name, MRN or NHS number").fill(mrn);
    await page.getByRole("button", { name: "Find patient" }).click();
    await expect(page.getByRole("button", { name: "Any patient" })).toBeVisible();
    await page.getByRole("button", { name: "Show events" }).click();
    await expect(page.getByText("Loading…")).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the waiting list with its rows, filtered by priority", async ({ page }) => {
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto("/waiting-list?priority=P4");
    await expect(page.getByRole("heading", { level: 1, name: "Waiting list" })).toBeVisible();
    await expect(page.getByText("Loading…")).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the pathway dashboard with its outcome charts and tables, as the administrator sees it", async ({ page }) => {
    await signInThroughPage(page, emailOf("admin"));
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 2, name: "Outcomes of the operation" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a case page with free slots found and an appointment's move finder open", async ({ page }) => {
    const reception = await apiAs("reception");
    const kase = (await (await reception.get("/api/v1/cases?status=referred&limit=1")).json()).items[0];
    const from = weekdayAfter(today(), 4);
    const slots = await (
      await send(reception, endpoints.findSlots, { query: { caseId: kase.id, kind: "consultation", from } })
    ).json();
    await send(reception, endpoints.bookAppointment, {
      body: { caseId: kase.id, kind: "consultation", start: slots.items[0].start },
    });
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto(`/cases/${kase.id}`);
    const appointments = page.getByRole("region", { name: "Appointments" });
    await appointments.getByRole("button", { name: "Find free slots" }).click();
    await expect(appointments.getByRole("list", { name: "Free slots" })).toBeVisible();
    await appointments.getByRole("button", { name: "Move…" }).first().click();
    await expect(page.getByRole("region", { name: "Move the appointment" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("freed theatre time offered to the waiting list, with a booking's confirmation open", async ({ page }) => {
    const reception = await apiAs("reception");
    const [theatre] = (await (await reception.get("/api/v1/rooms?kind=theatre")).json()).items;
    const day = weekdayAfter(today(), 27);
    const query = new URLSearchParams({ roomId: theatre.id, start: siteAt(day, 16), end: siteAt(day, 17, 30) });
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto(`/theatre-lists/offer?${query}`);
    await expect(page.getByRole("heading", { level: 1, name: "Offer theatre time to the waiting list" })).toBeVisible();
    await page.getByRole("button", { name: "Book this time" }).first().click();
    await expect(page.getByRole("button", { name: "Confirm the booking" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
