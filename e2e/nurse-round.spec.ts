import { expect, test } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { bookAsOf } from "./arrange";
import { daysAgo, siteAt, startOf } from "./clock";
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

test.describe("the nurse's round", () => {
  test("lists a dressing due today that nobody booked, with signs of infection at the last one, and records it in one step (PO-3)", async ({
    page,
  }) => {
    // Operated four days ago: the D2 dressing was booked that morning and found infected; the
    // D4 dressing, due today, was never booked.
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 4 });
    const d2 = daysAgo(2);
    const appointmentId = bookAsOf(new Date(startOf(d2)), {
      caseId: kase.id,
      kind: "dressing",
      start: siteAt(d2, 17),
      homeVisit: true,
    });
    const nurse = await apiAs("nurse");
    await post(nurse, endpoints.recordDressing, {
      params: { id: appointmentId },
      body: {
        woundState: "signs_of_infection",
        notes: "Redness at the portal",
      },
    });
    const name = (await (await c.reception.get(`/api/v1/patients/${kase.patientId}`)).json()) as {
      givenName: string;
      familyName: string;
    };
    const patient = `${name.familyName.toUpperCase()}, ${name.givenName}`;

    await signInThroughPage(page, emailOf("nurse"));
    await expect(page.getByRole("heading", { level: 1, name: "Dressing round" })).toBeVisible();
    const visit = page.getByRole("listitem", { name: `${patient}, due, not booked` });
    await expect(visit).toContainText("day 4");
    await expect(visit).toContainText("last wound: Signs of infection");
    await visit.getByLabel("Signs of infection", { exact: true }).check();
    await visit.getByLabel("Notes").fill("Still red; surgeon informed");
    await visit.getByRole("button", { name: "Record visit" }).click();
    await expect(visit.getByText("Recorded: Signs of infection")).toBeVisible();

    const plan = await (await c.surgeon.get(`${kase.url}/care-plan`)).json();
    expect(plan.dressings.filter((d: { status: string }) => d.status === "done")).toHaveLength(2);
  });
});
