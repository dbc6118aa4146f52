import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import type { Role } from "@/lib/auth/policy";
import { apiAs, emailOf, send, signInThroughPage } from "./support";

async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("accessibility (WCAG 2 A/AA, serious and critical)", () => {
  test("the sign-in page", async ({ page }) => {
    await page.goto("/login");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the set-password page a new account's link opens", async ({ page }) => {
    const admin = await apiAs("admin");
    const created = await send(admin, endpoints.createStaff, {
      body: { email: `reception.${Date.now()}@demo.clinic`, name: "Reception Accessible", role: "reception" },
    });
    await page.goto((await created.json()).passwordLink.url);
    await expect(page.getByRole("heading", { level: 1, name: "Set your password" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  const workspaces: [Role, string][] = [
    ["reception", "Reception"],
    ["nurse", "Dressing round"],
    ["surgeon", "Case review"],
    ["anaesthetist", "Pre-operative assessments"],
    ["physio", "Physiotherapy"],
    ["admin", "Administration"],
  ];
  for (const [role, heading] of workspaces) {
    test(`the ${role} workspace`, async ({ page }) => {
      await signInThroughPage(page, emailOf(role));
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByText("Loading…")).toHaveCount(0);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test("the hours page with a staff member's weekly hours and leave form", async ({ page }) => {
    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Hours" }).click();
    await page.getByLabel("Hours of").selectOption({ label: "Mr Alan Hart" });
    await expect(page.getByRole("heading", { name: "Leave and other hours on a date" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a case page with its forms", async ({ page }) => {
    const surgeon = await apiAs("surgeon");
    const kase = (await (await surgeon.get("/api/v1/cases?status=first_line&limit=1")).json()).items[0];
    await signInThroughPage(page, emailOf("surgeon"));
    await expect(page).toHaveURL(/\/surgeon$/);
    await page.goto(`/cases/${kase.id}`);
    await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
