import { expect, test, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/policy";
import { endpoints } from "@/lib/http/endpoints";
import type { ComplianceReport } from "@/lib/schemas/analytics-compliance";
import { apiAs, emailOf, send, signInThroughPage } from "./support";

const section = (page: Page) => page.getByRole("region", { name: "Keeping to the protocol" });

async function dashboardAs(page: Page, role: Role) {
  await signInThroughPage(page, emailOf(role));
  await expect(page).toHaveURL(new RegExp(`/${role}$`));
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Pathway dashboard" })).toBeVisible();
}

test.describe("the dashboard's compliance section (OC-5)", () => {
  test("OC-5: the surgeon sees PO-3, PO-1, PO-4, PO-6 and SX-3 kept as a chart and a table, the waits between stages, and the cases not kept", async ({
    page,
  }) => {
    const surgeon = await apiAs("surgeon");
    const report: ComplianceReport = await (await send(surgeon, endpoints.complianceReport, {})).json();
    expect(report.rules.map((r) => r.rule)).toEqual(["PO-3", "PO-1", "PO-4", "PO-6", "SX-3"]);
    // The demo's operated patients: their assessments were valid and their plans' visits are due.
    const sx3 = report.rules.find((r) => r.rule === "SX-3")!;
    expect(sx3.eligible).toBeGreaterThanOrEqual(7);
    expect(report.waits.operations).toBeGreaterThanOrEqual(7);

    await dashboardAs(page, "surgeon");
    const compliance = section(page);
    await expect(compliance.getByRole("img", { name: /^Share kept in the period/ })).toBeVisible();
    const table = compliance.getByRole("table", { name: "Each rule's items in the period, and how many kept it" });
    for (const rule of report.rules) await expect(table).toContainText(`(${rule.rule})`);
    await expect(table.getByRole("row").filter({ hasText: "(SX-3)" })).toContainText(String(sx3.eligible));
    const waits = compliance.getByRole("table", { name: /^Waits in calendar days/ });
    await expect(waits.getByRole("row")).toHaveCount(6);
    await expect(compliance.getByRole("link", { name: "Download these figures (CSV)" })).toHaveAttribute(
      "href",
      /\/api\/v1\/analytics\/compliance\.csv\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
    );
    await expect(compliance.getByRole("link", { name: "Download these waits (CSV)" })).toBeVisible();

    // The cases behind a rule not kept open from the table, each a link to its case, never a name.
    const behind = report.rules.find((r) => r.casesBehind > 0)!;
    const row = table.getByRole("row").filter({ hasText: `(${behind.rule})` });
    await row.locator("summary").click();
    const first = behind.cases![0]!;
    await expect(compliance).not.toContainText(first.patientName);
    await row.getByRole("link", { name: "Case 1", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${first.caseId}$`));
  });

  test("OC-5: the administrator sees the same figures with no patient named and no case linked", async ({ page }) => {
    const admin = await apiAs("admin");
    const report: ComplianceReport = await (await send(admin, endpoints.complianceReport, {})).json();
    expect(report.rules.every((r) => r.cases === undefined)).toBe(true);
    await dashboardAs(page, "admin");
    const compliance = section(page);
    const table = compliance.getByRole("table", { name: "Each rule's items in the period, and how many kept it" });
    await expect(table).toContainText("(PO-3)");
    await expect(compliance.locator('a[href^="/cases/"]')).toHaveCount(0);
    await expect(table.getByRole("row").filter({ hasText: "(PO-3)" })).toContainText(String(report.rules[0]!.eligible));
  });

  test("OC-5: a period with nothing in it says so instead of drawing empty charts", async ({ page }) => {
    await dashboardAs(page, "surgeon");
    await page.goto("/dashboard?from=2001-01-01&to=2001-12-31");
    const compliance = section(page);
    await expect(compliance).toContainText("Nothing the protocol measures fell in this period.");
    await expect(compliance).toContainText("No patient was operated in this period");
    await expect(compliance.getByRole("img")).toHaveCount(0);
  });

  test("a nurse gets no dashboard: the page sends her to her own workspace and the API answers 403", async ({
    page,
  }) => {
    await signInThroughPage(page, emailOf("nurse"));
    await expect(page).toHaveURL(/\/nurse$/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/nurse$/);
    await expect(page.getByRole("heading", { level: 1, name: "Pathway dashboard" })).toHaveCount(0);
    const nurse = await apiAs("nurse");
    expect((await send(nurse, endpoints.complianceReport, {})).status()).toBe(403);
  });
});
