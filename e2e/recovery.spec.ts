import { expect, test } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { addMonthsClamped } from "@/lib/domain/time";
import { bookAsOf } from "./arrange";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { daysAgo, siteAt, startOf, today } from "./clock";
import { caseAt, post, type Clients } from "./pathway-support";

let c: Clients;
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
});

test.describe("post-operative follow-up", () => {
  test("a nurse records a round of three visits, one with signs of infection, and the surgeon sees the alert (PO-3)", async ({
    page,
  }) => {
    // Today's round as the morning left it: three patients on day 2, their visits booked at
    // today's midnight for 08:00, 08:30 and 09:00 with whichever nurse is free, so the round is
    // the same whatever the hour.
    const day = today();
    const patients: string[] = [];
    for (let i = 0; i < 3; i++) {
      const kase = await caseAt(c, "operated", { operatedDaysAgo: 2 });
      const start = siteAt(day, 8, 30 * i);
      const id = bookAsOf(new Date(startOf(day)), { caseId: kase.id, kind: "dressing", start, homeVisit: true });
      patients.push((await (await c.reception.get(`/api/v1/appointments/${id}`)).json()).patient.name);
    }

    await signInThroughPage(page, emailOf("nurse"));
    await expect(page.getByRole("heading", { level: 1, name: "Dressing round" })).toBeVisible();
    const states = ["Clean and dry", "Signs of infection", "Exudate"];
    for (const [i, name] of patients.entries()) {
      const visit = page.getByRole("listitem", { name: new RegExp(`^${name.replace(/[()]/g, ".")} at`) });
      await visit.getByLabel(states[i]!, { exact: true }).check();
      if (i === 1) await visit.getByLabel("Notes").fill("Redness at the lateral portal");
      await visit.getByRole("button", { name: "Record visit" }).click();
      await expect(visit.getByText(`Recorded: ${states[i]}`)).toBeVisible();
    }

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await signInThroughPage(page, emailOf("surgeon"));
    const board = page.getByRole("region", { name: "Recovery board" });
    const infected = board.getByRole("row").filter({ hasText: patients[1]! });
    await expect(infected.getByText(/^Signs of infection at the dressing of/)).toBeVisible();
    await expect(
      board
        .getByRole("row")
        .filter({ hasText: patients[0]! })
        .getByText(/Signs of infection at the dressing/),
    ).toHaveCount(0);

    await infected.getByRole("button", { name: "Acknowledge…" }).click();
    const form = infected.getByRole("form", { name: `Acknowledge alerts of ${patients[1]}` });
    await expect(form.getByRole("checkbox", { name: /^Signs of infection at the dressing of/ })).toBeChecked();
    await form.getByLabel("Note").fill("Reviewed; oral antibiotics");
    await form.getByRole("button", { name: "Acknowledge", exact: true }).click();
    await expect(board.getByRole("status")).toHaveText(`${patients[1]}: 1 alert acknowledged.`);
    await expect(infected.getByText(/^Signs of infection at the dressing/)).toHaveCount(0);
    await expect(infected.getByRole("cell", { name: "Signs of infection", exact: true })).toBeVisible();

    // The acknowledgement stays on the case: who, when, the note and the alert.
    await infected.getByRole("link", { name: patients[1]! }).click();
    const history = page.getByRole("region", { name: "Alerts acknowledged" });
    await expect(history).toContainText("Reviewed; oral antibiotics");
    await expect(
      history.getByRole("listitem").filter({ hasText: /^Signs of infection at the dressing of/ }),
    ).toHaveCount(1);
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("1 alert acknowledged, by");
  });

  test("a physiotherapist is refused running clearance at D30 and allowed it at D0 + 2 months (PO-6)", async ({
    page,
  }) => {
    const d30 = await caseAt(c, "operated", { operatedDaysAgo: 30 });
    let n = 55;
    while (addMonthsClamped(daysAgo(n), 2) > today()) n++;
    const twoMonths = await caseAt(c, "operated", { operatedDaysAgo: n });

    await signInThroughPage(page, emailOf("physio"));
    await expect(page.getByRole("heading", { level: 1, name: "Physiotherapy" })).toBeVisible();
    await page.goto(`/cases/${d30.id}`);
    const sport = page.getByRole("region", { name: "Return to sport" });
    await expect(sport.getByText(/^running: Running may be cleared from/)).toBeVisible();
    await sport.getByLabel("Activity").selectOption("running");
    await sport.getByRole("button", { name: "Record clearance" }).click();
    await expect(sport.getByRole("alert")).toContainText("Rule PO-6");

    await page.goto(`/cases/${twoMonths.id}`);
    await sport.getByLabel("Activity").selectOption("running");
    await sport.getByRole("button", { name: "Record clearance" }).click();
    await expect(sport.getByRole("status")).toHaveText("Recorded.");
    const plan = await (await c.surgeon.get(`${twoMonths.url}/care-plan`)).json();
    expect(plan.milestones.find((m: { activity: string }) => m.activity === "running").clearedOn).toBe(today());
  });

  test("the patient's appointments download as an iCalendar file that a calendar program reads (PO-3)", async () => {
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 0 });
    const series = await post(
      c.reception,
      endpoints.bookPostOperativeSeries,
      { params: { id: kase.id }, body: { dressingTime: "09:00", physioTime: "10:00" } },
      200,
    );
    const booked = series.items.filter((i: { appointmentId?: string }) => i.appointmentId);
    const response = await c.reception.get(`${kase.url}/appointments.ics`);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    const ICAL = (await import("ical.js")).default;
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(booked.length);
    const dressing = events.find((e) => e.summary === "Wound dressing by a nurse")!;
    expect(dressing.startDate.toJSDate().toISOString()).toBe(booked.find((b) => b.kind === "dressing")!.start);
  });

  test("a surgeon may not record a dressing: only a nurse does (PO-3)", async () => {
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 2 });
    const appointments = (await (await c.surgeon.get(`/api/v1/appointments?caseId=${kase.id}`)).json()).items;
    const response = await c.surgeon.post(
      `/api/v1/appointments/${appointments[0]?.id ?? "00000000-0000-0000-0000-000000000000"}/dressing-record`,
      { data: { woundState: "healed" } },
    );
    expect(response.status()).toBe(403);
  });
});
