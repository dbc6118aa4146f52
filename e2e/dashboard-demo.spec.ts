import { expect, test } from "@playwright/test";
import { emailOf, signInThroughPage } from "./support";

// The demo's operated patients (the last 14 months) give every chart of the dashboard data.
const charts = [
  "How often each rule was kept",
  "Days between stages for patients operated in the period",
  "Pain before and after the operation (OC-1)",
  "Pain reduced by at least 2 points (OC-4)",
  "Time to return to running (OC-2)",
  "Complications per 100 operations (OC-3)",
];

test("the dashboard draws every chart from the demo's operated patients, each with its table (OC-1..OC-5)", async ({
  page,
}) => {
  await signInThroughPage(page, emailOf("surgeon"));
  await expect(page).toHaveURL(/\/surgeon$/);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pathway dashboard" })).toBeVisible();
  for (const title of charts) {
    const figure = page.getByRole("figure", { name: title });
    await expect(figure, title).toBeVisible();
    await expect(figure.getByRole("img").first(), title).toBeVisible();
    expect(await figure.locator("svg path").count(), title).toBeGreaterThan(5);
    expect(await figure.getByRole("table").locator("tbody tr").count(), title).toBeGreaterThan(0);
  }
  await expect(page.locator("main p.empty")).toHaveCount(0);
});
