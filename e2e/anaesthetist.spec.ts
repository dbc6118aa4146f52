import { expect, test } from "@playwright/test";
import { apiAs, emailOf, signInThroughPage } from "./support";
import { caseAt } from "./pathway-support";
import { today } from "./clock";
import { addDays } from "@/lib/domain/time";
import { formatDay } from "@/lib/domain/date-format";

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
    const policies = await (await clients.reception.get("/api/v1/policies")).json();
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
    const validUntil = formatDay(addDays(today(), policies.assessmentValidityDays));
    await expect(
      page.getByText(`ASA 2, General; inpatient admission (no help at home); current, valid until ${validUntil}`),
    ).toBeVisible();
    await expect(
      page.getByText(`The assessment of ${formatDay(today())} applies: valid until ${validUntil}.`),
    ).toBeVisible();
    await page.goto("/anaesthetist");
    const row = page
      .getByRole("region", { name: /Assessed, waiting for the operation/ })
      .getByRole("row")
      .filter({ hasText: `${patient.familyName.toUpperCase()}, ${patient.givenName}` });
    await expect(row).toContainText("ASA 2");
    await expect(row).toContainText("Overnight (inpatient)");
    await expect(row).toContainText(validUntil);
  });

  test("the worklist and the case mark an assessment past its validity as expired, with the day it ran out (SX-3)", async ({
    page,
  }) => {
    const clients = {
      reception: await apiAs("reception"),
      surgeon: await apiAs("surgeon"),
      anaesthetist: await apiAs("anaesthetist"),
    };
    const policies = await (await clients.reception.get("/api/v1/policies")).json();
    // Assessed longer ago than the policy's validity: its last valid day was yesterday.
    const kase = await caseAt(clients, "assessed", {
      operatedDaysAgo: 0,
      assessedDaysBeforeOperation: policies.assessmentValidityDays + 1,
    });
    const patient = await (await clients.reception.get(`/api/v1/patients/${kase.patientId}`)).json();
    const lastValid = formatDay(addDays(today(), -1));

    await signInThroughPage(page, emailOf("anaesthetist"));
    const row = page
      .getByRole("region", { name: /Assessed, waiting for the operation/ })
      .getByRole("row")
      .filter({ hasText: `${patient.familyName.toUpperCase()}, ${patient.givenName}` });
    await expect(row).toContainText(`Expired ${lastValid}`);
    await row.getByRole("link").click();
    await expect(page.getByText(`expired (was valid until ${lastValid})`)).toBeVisible();
    await expect(
      page.getByText("No assessment is valid today: a new assessment is needed before the operation."),
    ).toBeVisible();
  });
});
