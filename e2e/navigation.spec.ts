import { expect, test } from "@playwright/test";
import { emailOf, signInThroughPage } from "./support";

test.describe("moving around by keyboard", () => {
  test("the first Tab offers a skip link to the page's content, and a navigation puts focus on the new page's heading", async ({
    page,
  }) => {
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();

    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Calendar" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Calendar" })).toBeFocused();
  });

  test("the app has its own icon, on the sign-in page too", async ({ page, request }) => {
    await page.goto("/login");
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    const icon = await request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toMatch(/^image\//);
  });
});
