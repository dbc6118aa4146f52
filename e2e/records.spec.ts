import { randomInt, randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { nhsCheckDigit, spacedNhsNumber } from "@/lib/domain/patient-identifiers";
import { emailOf, signInThroughPage } from "./support";

/** A valid NHS number of this run's own. */
function newNhsNumber(): string {
  for (;;) {
    const nine = String(randomInt(100_000_000, 1_000_000_000));
    const check = nhsCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

async function search(page: Page, q: string) {
  await page.goto("/reception");
  await page.getByLabel("Name, MRN or birth date, NHS number or postcode").fill(q);
  await page.getByRole("button", { name: "Search" }).click();
}

test.describe("patient details at reception", () => {
  test("registers a patient with full details and finds them by NHS number and by postcode", async ({ page }) => {
    const familyName = `Okafor-${randomUUID().slice(0, 6)}`;
    const nhs = newNhsNumber();
    const postcode = `LS${randomInt(10, 99)} ${randomInt(0, 10)}QT`;
    await signInThroughPage(page, emailOf("reception"));
    await page.getByRole("link", { name: "Register a patient" }).first().click();
    await page.getByLabel("Given name").fill("Ngozi");
    await page.getByLabel("Family name").fill(familyName);
    await page.getByLabel("Birth date").fill("1975-04-30");
    await page.getByLabel("Sex").selectOption("female");

    // A mistyped NHS number is refused beside its field before anything is sent.
    await page.getByLabel("NHS number (optional)").fill("943 476 5918");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.locator("#patient-nhsNumber-error")).toHaveText("Not a valid NHS number: check the digits");

    await page.getByLabel("NHS number (optional)").fill(spacedNhsNumber(nhs));
    await page.getByLabel("Address line 1").fill("12 Mill Lane");
    await page.getByLabel("Town").fill("Leeds");
    await page.getByLabel("Postcode").fill(postcode.toLowerCase().replace(" ", ""));
    await page.getByLabel("Practice name").fill("Mill Lane Surgery");
    await page.getByLabel("Next of kin or carer").fill("Chidi Okafor");
    await page.getByLabel("Relationship to the patient").fill("Husband");
    await page.getByLabel("Next of kin phone number (optional)").fill("07700 900456");
    await page.getByLabel("Preferred language (optional)").fill("Igbo");
    await page.getByLabel("Needs an interpreter").check();
    await page.getByLabel("Text message (SMS)").check();
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByRole("status")).toContainText("Registered with MRN P");
    await expect(page.getByText(`NHS number ${spacedNhsNumber(nhs)}`)).toBeVisible();
    await expect(page.getByLabel("Postcode")).toHaveValue(postcode);
    await expect(page.getByLabel("Text message (SMS)")).toBeChecked();
    await expect(page.getByLabel("Post", { exact: true })).not.toBeChecked();

    for (const q of [nhs, spacedNhsNumber(nhs)]) {
      await search(page, q);
      const row = page.getByRole("row").filter({ hasText: familyName.toUpperCase() });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(spacedNhsNumber(nhs));
    }
    await search(page, postcode.toLowerCase());
    await expect(page.getByRole("link", { name: `${familyName.toUpperCase()}, Ngozi` })).toBeVisible();
  });
});
