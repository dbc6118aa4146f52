import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { emailOf, signInThroughPage } from "./support";

test.describe("reception workspace", () => {
  test.beforeEach(async ({ page }) => {
    await signInThroughPage(page, emailOf("reception"));
    await expect(page.getByRole("heading", { level: 1, name: "Reception" })).toBeVisible();
  });

  test("finds a demo patient by part of the name, without accents", async ({ page }) => {
    await page.getByLabel("Name, MRN or birth date").fill("zoe lamb");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("link", { name: "LAMBERT, Zoë" }).first()).toBeVisible();
  });

  test("keeps the search in the address: Back from a patient returns to the same results", async ({ page }) => {
    await page.getByLabel("Name, MRN or birth date").fill("zoe lamb");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/[?&]q=zoe\+lamb/);
    await page.getByRole("link", { name: "LAMBERT, Zoë" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "LAMBERT, Zoë" })).toBeVisible();
    await page.goBack();
    await expect(page.getByLabel("Name, MRN or birth date")).toHaveValue("zoe lamb");
    await expect(page.getByRole("link", { name: "LAMBERT, Zoë" }).first()).toBeVisible();
  });

  test("says so when nobody matches", async ({ page }) => {
    await page.getByLabel("Name, MRN or birth date").fill("Nobodyhere Atall");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No patient matches “Nobodyhere Atall”.")).toBeVisible();
  });

  test("registers a patient, is warned of a likely duplicate, and edits the record", async ({ page }) => {
    // A name and birth date of this run's own, so earlier runs' patients are not its duplicates.
    const familyName = `Nørgaard-${randomUUID().slice(0, 6)}`;
    const birthDate = `19${String(10 + Math.floor(Math.random() * 80))}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
    await page.getByRole("link", { name: "Register a patient" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Register a patient" })).toBeVisible();

    // The form checks before sending.
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.locator("#patient-givenName-error")).toHaveText("Required");

    await page.getByLabel("Given name").fill("Åsa");
    await page.getByLabel("Family name").fill(familyName);
    await page.getByLabel("Birth date").fill(birthDate);
    await page.getByLabel("Sex").selectOption("female");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByRole("status")).toContainText("Registered with MRN P");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${familyName.toUpperCase()}, Åsa`);

    // The same person again: the likely duplicate is shown before anything is created.
    await page.goto("/reception/patients/new");
    await page.getByLabel("Given name").fill("Asa");
    await page.getByLabel("Family name").fill(familyName);
    await page.getByLabel("Birth date").fill(birthDate);
    await page.getByLabel("Sex").selectOption("female");
    await page.getByRole("button", { name: "Register patient" }).click();
    await expect(page.getByRole("heading", { name: "This patient may already be registered" })).toBeVisible();
    await page.getByRole("link", { name: new RegExp(`${familyName.toUpperCase()}, Åsa`) }).click();

    // Edit the existing record, once its page is showing.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${familyName.toUpperCase()}, Åsa`);
    await page.getByLabel("Phone (optional)").fill("07700 900555");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("status")).toHaveText("Changes saved.");
    await page.reload();
    await expect(page.getByLabel("Phone (optional)")).toHaveValue("07700 900555");

    // Only one record exists.
    await page.goto("/reception");
    await page.getByLabel("Name, MRN or birth date").fill(familyName);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("link", { name: new RegExp(familyName.toUpperCase()) })).toHaveCount(1);
  });
});
