import { expect, test } from "@playwright/test";
import { apiAs, emailOf, signInThroughPage } from "./support";

test.describe("post-operative plan", () => {
  test("a nurse opens a patient's plan and its printed copy fits on one A4 page (PO-2, PO-3)", async ({ page }) => {
    const surgeon = await apiAs("surgeon");
    const operated = (await (await surgeon.get("/api/v1/cases?status=operated&limit=1")).json()).items[0];

    await signInThroughPage(page, emailOf("nurse"));
    await expect(page).toHaveURL(/\/nurse$/);
    await page.goto(`/cases/${operated.id}/plan`);
    await expect(
      page.getByRole("heading", { level: 1, name: "Your recovery plan after posterior ankle arthroscopy" }),
    ).toBeVisible();
    await expect(page.getByText("No cast or splint is needed after this operation.")).toBeVisible();
    // The clinic to call, when to call it, and the pain relief prescribed at the operation.
    await expect(page.getByText("Riverside Orthopaedic Clinic · Telephone 020 7946 0321")).toBeVisible();
    const safetyNet = page.getByRole("region", { name: "When to call us straight away" });
    await expect(safetyNet).toContainText("Call the clinic on 020 7946 0321");
    await expect(safetyNet.getByRole("listitem").filter({ hasText: "in your calf" })).toBeVisible();
    await expect(safetyNet).toContainText("call 999");
    const { operation } = (await (await surgeon.get(`/api/v1/cases/${operated.id}`)).json()).clinical;
    await expect(page.getByRole("region", { name: "Pain relief to take at home" })).toContainText(
      operation.dischargeAnalgesia,
    );
    await expect(page.getByRole("region", { name: "Wound dressings (every other day)" }).getByRole("row")).toHaveCount(
      8,
    );

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "Print the patient's copy" })).toBeHidden();
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(1);
  });

  test("reception cannot open the clinical plan", async ({ page }) => {
    const surgeon = await apiAs("surgeon");
    const operated = (await (await surgeon.get("/api/v1/cases?status=operated&limit=1")).json()).items[0];
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto(`/cases/${operated.id}/plan`);
    await expect(page).toHaveURL(/\/reception$/);
  });
});
