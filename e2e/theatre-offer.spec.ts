import { expect, test } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import type { CandidateList } from "@/lib/schemas/theatre-candidates";
import { seriousViolations } from "./axe";
import { siteAt, today, weekdayAfter } from "./clock";
import { caseAt, post, type Clients } from "./pathway-support";
import { apiAs, emailOf, signInThroughPage } from "./support";

let c: Clients;
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
});

test.describe("freed theatre time offered to the waiting list (WL-4)", () => {
  test("reception cancels an arthroscopy, opens the offer from the confirmation and books the first patient in one click (WL-4)", async ({
    page,
  }) => {
    // A weekday five weeks ahead, late afternoon: inside the assessments' 90 days (SX-3).
    const day = weekdayAfter(today(), 25);
    const theatre = (await (await c.reception.get("/api/v1/rooms?kind=theatre")).json()).items[1];
    const kase = await caseAt(c, "assessed");
    await post(c.reception, endpoints.bookAppointment, {
      body: { caseId: kase.id, kind: "arthroscopy", start: siteAt(day, 16), roomId: theatre.id },
    });

    // A more urgent patient waiting: the offer puts them before the patient who cancelled (WL-3).
    const urgent = await caseAt(c, "assessed", { operatedDaysAgo: 0 });
    await post(
      c.surgeon,
      endpoints.changeListingPriority,
      { params: { id: urgent.id }, body: { priority: "P2", reason: "Ankle locking" } },
      200,
    );

    await signInThroughPage(page, emailOf("reception"));
    await expect(page.getByRole("heading", { level: 1, name: "Reception" })).toBeVisible();
    await page.goto(kase.url.replace("/api/v1", ""));
    const appointments = page.getByRole("region", { name: "Appointments" });
    await appointments
      .getByRole("row")
      .filter({ hasText: "Arthroscopy" })
      .getByRole("button", { name: "Cancel…" })
      .click();
    await appointments.getByLabel("Reason").fill("Patient has a chest infection");
    await appointments.getByRole("button", { name: "Cancel the appointment" }).click();
    await expect(appointments.getByRole("status").filter({ hasText: "Cancelled: Arthroscopy" })).toBeVisible();
    await appointments.getByRole("link", { name: "Offer this time to the waiting list" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Offer theatre time to the waiting list" })).toBeVisible();
    await expect(page.getByText(`${theatre.name} is free on`).first()).toBeVisible();
    const query = new URL(page.url()).search;
    const offered = (await (await c.reception.get(`/api/v1/theatre-lists/candidates${query}`)).json()) as CandidateList;
    expect(offered.items.length).toBeGreaterThan(0);
    const first = offered.items[0]!;
    expect(offered.items.map((i) => i.caseId)).toContain(urgent.id);
    expect(first.caseId).not.toBe(kase.id);
    const rows = page.getByRole("row");
    await expect(rows.nth(1)).toContainText(first.patient.name);
    expect(await seriousViolations(page)).toEqual([]);

    await rows.nth(1).getByRole("button", { name: "Book this time" }).click();
    await expect(page.getByRole("heading", { name: `Book this time for ${first.patient.name}?` })).toBeVisible();
    await page.getByRole("button", { name: "Confirm the booking" }).click();
    await expect(
      page.getByRole("status").filter({ hasText: `Booked: ${first.patient.name}, arthroscopy` }),
    ).toBeVisible();
    // The time is taken now: the list says so instead of offering it again.
    await expect(page.getByText("This time is no longer free")).toBeVisible();

    // The theatre's time holds the new patient's arthroscopy.
    const held = (
      await (
        await c.reception.get(
          `/api/v1/appointments?roomId=${theatre.id}&from=${siteAt(day, 16)}&to=${siteAt(day, 17, 30)}&kind=arthroscopy`,
        )
      ).json()
    ).items.filter((a: { status: string }) => a.status === "booked");
    expect(held.map((a: { patient: { name: string }; caseId: string }) => [a.patient.name, a.caseId])).toEqual([
      [first.patient.name, first.caseId],
    ]);
    await page.getByRole("link", { name: "Open the case" }).click();
    await expect(
      page
        .getByRole("region", { name: "Appointments" })
        .getByRole("row")
        .filter({ hasText: "Arthroscopy", hasNotText: "cancelled" }),
    ).toContainText(theatre.name);
  });
});
