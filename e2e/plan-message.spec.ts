import { expect, test } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { caseAt, post } from "./pathway-support";
import { apiAs, emailOf, send, signInThroughPage } from "./support";

test.describe("sending the recovery plan to the patient", () => {
  test("reception sends the plan after a confirmation naming where it goes, and is told when the patient agreed to no channel (SX-6)", async ({
    page,
  }) => {
    const c = {
      reception: await apiAs("reception"),
      surgeon: await apiAs("surgeon"),
      anaesthetist: await apiAs("anaesthetist"),
    };
    const { id: caseId, patientId } = await caseAt(c, "operated", { operatedDaysAgo: 1 });
    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto(`/cases/${caseId}`);

    await page.getByRole("button", { name: "Send the plan to the patient…" }).click();
    const confirm = page.getByRole("group", { name: "Confirm sending the plan" });
    await expect(confirm).toContainText("has not agreed to be contacted by email or text message");
    await expect(confirm.getByRole("button", { name: "Yes, send the plan" })).toBeDisabled();
    await confirm.getByRole("button", { name: "Do not send" }).click();

    const email = `plan-${Date.now()}@example.org`;
    const updated = await send(c.reception, endpoints.updatePatient, {
      params: { id: patientId },
      body: { email, contact: { email: true } },
    });
    expect(updated.status()).toBe(200);
    await page.reload();
    await page.getByRole("button", { name: "Send the plan to the patient…" }).click();
    await expect(confirm).toContainText(`by email to ${email}, with the appointments as a calendar file`);
    await confirm.getByRole("button", { name: "Yes, send the plan" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The plan is queued to go by email." })).toBeVisible();
  });

  test("the API refuses the plan before the operation (PW-3)", async () => {
    const c = {
      reception: await apiAs("reception"),
      surgeon: await apiAs("surgeon"),
      anaesthetist: await apiAs("anaesthetist"),
    };
    const { id } = await caseAt(c, "assessed");
    const answer = await post(c.surgeon, endpoints.sendPlanMessage, { params: { id } }, 422);
    expect(answer).toMatchObject({ code: "PW-3" });
  });
});
