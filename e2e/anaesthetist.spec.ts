import { expect, test } from "@playwright/test";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { caseAt } from "./pathway-support";

test.describe("anaesthetist", () => {
  test("assesses a listed case from the worklist; without help at home it is an inpatient (SX-2, SX-4)", async ({
    page,
  }) => {
    const clients = {
      reception: await apiAs("reception"),
      surgeon: await apiAs("surgeon"),
      anaesthetist: await apiAs("anaesthetist"),
    };
    const kase = await caseAt(clients, "listed");
    const patient = await (await clients.reception.get(`/api/v1/patients/${kase.patientId}`)).json();

    await signInThroughPage(page, emailOf("anaesthetist"));
    const waiting = page.getByRole("region", { name: /Waiting for a pre-operative assessment/ });
    await waiting.getByRole("link", { name: `${patient.familyName.toUpperCase()}, ${patient.givenName}` }).click();
    await expect(page.locator(".badge")).toHaveText("Listed for surgery");

    // No grade is chosen for the anaesthetist: the form does not send until one is.
    await expect(page.getByLabel("ASA grade")).toHaveValue("");
    await expect(page.getByLabel("ASA grade")).toHaveJSProperty("validity.valueMissing", true);
    await page.getByLabel("ASA grade").selectOption("2");
    await page.getByRole("group", { name: "Anaesthesia" }).getByLabel("General").check();
    await page
      .getByRole("group", { name: /help at home/ })
      .getByLabel("No (inpatient admission)")
      .check();
    await page.getByLabel("Notes (optional)").fill("Asthma, well controlled");
    await page.getByRole("button", { name: "Record assessment" }).click();

    await expect(page.locator(".badge")).toHaveText("Assessed for anaesthesia");
    await expect(page.getByText(/ASA 2, General; inpatient admission \(no help at home\); valid until/)).toBeVisible();
    await page.goto("/anaesthetist");
    await expect(
      page
        .getByRole("region", { name: /Assessed, waiting for the operation/ })
        .getByRole("link", { name: `${patient.familyName.toUpperCase()}, ${patient.givenName}` }),
    ).toBeVisible();
  });
});
