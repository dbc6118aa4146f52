import { expect, test } from "@playwright/test";
import { caseAt, type Clients } from "./pathway-support";
import { apiAs, emailOf, signInThroughPage } from "./support";

let c: Clients;
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
});

test.describe("the case's timeline", () => {
  test("a dressing visit the nurse records is confirmed on screen and appears in the case's timeline, with who recorded it and the notes (PO-3)", async ({
    page,
  }) => {
    // Operated two days ago: the D2 dressing is due today and nobody booked it.
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 2 });
    const name = await (await c.reception.get(`/api/v1/patients/${kase.patientId}`)).json();
    const patient = `${name.familyName.toUpperCase()}, ${name.givenName}`;

    await signInThroughPage(page, emailOf("nurse"));
    const visit = page.getByRole("listitem", { name: `${patient}, due, not booked` });
    await visit.getByLabel("Clean and dry", { exact: true }).check();
    await visit.getByLabel("Notes").fill("Portals closing well");
    await visit.getByRole("button", { name: "Record visit" }).click();
    const confirmation = visit.getByRole("status");
    await expect(confirmation).toContainText("Recorded: Clean and dry.");

    await confirmation.getByRole("link", { name: "See it in the case's timeline" }).click();
    const timeline = page.getByRole("region", { name: "Timeline" });
    const entry = timeline.getByRole("listitem").filter({ hasText: "Dressing visit recorded: wound clean and dry" });
    await expect(entry).toContainText("by Nurse Grace Bell");
    await expect(entry).toContainText("Portals closing well");
  });
});
