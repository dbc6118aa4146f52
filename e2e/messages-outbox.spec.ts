// The outbox staff see: the administrator's list of every message with its state in words and its
// text, the templates they are written from, reception's panel of messages that could not be sent
// (tried again, or marked handled after a confirmation) and the messages on the patient's record.
// The messages are arranged in the server's database as the worker leaves them.
import { expect, test, type Page } from "@playwright/test";
import { formatShortDateTime } from "@/lib/domain/message-state";
import { endpoints } from "@/lib/http/endpoints";
import { arrangeMessages } from "./arrange-messages";
import { seriousViolations } from "./axe";
import { siteZone } from "./clock";
import { newPatient } from "./pathway-support";
import { apiAs, emailOf, send, signInThroughPage } from "./support";

let patient: { id: string; name: string; mrn: string };
let written: string;
const tag = Math.random().toString(36).slice(2, 8);
const sentSubject = `Your consultation on Thu 3 Dec, ref ${tag}`;
const smsError = `The text message provider did not answer (${tag})`;
const emailError = `550 mailbox unavailable (${tag})`;

test.beforeAll(async () => {
  const reception = await apiAs("reception");
  const registered = await newPatient(reception);
  patient = {
    id: registered.id,
    name: `${registered.familyName.toUpperCase()}, ${registered.givenName}`,
    mrn: registered.mrn,
  };
  written = new Date(Date.now() - 60_000).toISOString();
  const common = { patientId: patient.id, at: written };
  await arrangeMessages([
    {
      ...common,
      state: "sent",
      channel: "email",
      kind: "booking_confirmation",
      to: "pathway@example.org",
      subject: sentSubject,
      body: `Dear Pathway,\n\nYour consultation is booked (${tag}).`,
      attempts: 1,
    },
    {
      ...common,
      state: "failed",
      channel: "sms",
      kind: "reminder",
      to: "07700 900123",
      subject: null,
      body: `A reminder by text (${tag})`,
      attempts: 8,
      error: smsError,
    },
    {
      ...common,
      state: "failed",
      channel: "email",
      kind: "reminder",
      to: "pathway@example.org",
      subject: `A reminder by email ${tag}`,
      body: `A reminder by email (${tag})`,
      attempts: 8,
      error: emailError,
    },
  ]);
});

/** The panel's entry for the failed message whose error is `error`. */
const flaggedEntry = (page: Page, error: string) =>
  page
    .getByRole("region", { name: "Messages that could not be sent" })
    .getByRole("listitem")
    .filter({ hasText: error });

/** Signs in as the administrator and waits for the workspace, so a following `goto` is signed in. */
async function signInAsAdmin(page: Page) {
  await signInThroughPage(page, emailOf("admin"));
  await expect(page.getByRole("heading", { level: 1, name: "Administration" })).toBeVisible();
}

test.describe("the outbox", () => {
  test("the administrator sees every message with its state in words, and not its text (reception's to read)", async ({
    page,
  }) => {
    await signInThroughPage(page, emailOf("admin"));
    await page.getByRole("link", { name: "Messages", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Messages to patients" })).toBeVisible();
    const sent = page.getByRole("row").filter({ hasText: sentSubject });
    await expect(sent).toContainText(`Sent ${formatShortDateTime(written, siteZone)} by email`);
    await expect(sent).toContainText(`${patient.name} (${patient.mrn})`);
    const failed = page.getByRole("row").filter({ hasText: smsError });
    await expect(failed).toContainText(`Failed after 8 attempts: ${smsError}`);
    await expect(failed).toContainText("Text message: 07700 900123");

    await expect(sent.getByText(sentSubject)).toBeVisible();
    await expect(page.getByText(`Your consultation is booked (${tag}).`)).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel("Show", { exact: true }).selectOption({ label: "Sent" });
    await expect(page.getByRole("row").filter({ hasText: sentSubject })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: smsError })).toHaveCount(0);
    await page.getByLabel("Show", { exact: true }).selectOption({ label: "Failed" });
    await expect(page.getByRole("row").filter({ hasText: smsError })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: sentSubject })).toHaveCount(0);
  });

  test("the administrator reads every template with its placeholders explained", async ({ page }) => {
    await signInAsAdmin(page);
    await page.goto("/admin/messages");
    await page.getByRole("link", { name: "Read the templates they are written from" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Message templates" })).toBeVisible();
    for (const name of [
      "Booking confirmation",
      "Appointment moved",
      "Appointment cancelled",
      "Reminder",
      "Plan after the operation",
      "Link to the patient's page",
    ])
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    const booking = page.getByRole("region", { name: "Booking confirmation" });
    await expect(booking.getByText("Sent when an appointment is booked.")).toBeVisible();
    await expect(booking.getByText("{givenName}", { exact: true })).toBeVisible();
    await expect(booking.getByText("The patient's first name", { exact: false })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("reception tries a failed message again, marks another handled after confirming, and sees both on the record", async ({
    page,
  }) => {
    await signInThroughPage(page, emailOf("reception"));
    const panel = page.getByRole("region", { name: "Messages that could not be sent" });
    await expect(panel).toBeVisible();
    const sms = flaggedEntry(page, smsError);
    const email = flaggedEntry(page, emailError);
    await expect(sms).toContainText(`${patient.name} (${patient.mrn})`);
    await expect(sms).toContainText(`Failed after 8 attempts: ${smsError}`);
    await expect(email).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await sms.getByRole("button", { name: "Try again" }).click();
    await expect(panel.getByRole("status")).toHaveText(`The message to ${patient.name} will be tried again.`);
    await expect(sms).toHaveCount(0);

    await email.getByRole("button", { name: "Mark as handled…" }).click();
    await expect(email.getByText("Has the patient been told another way (for example by phone)?")).toBeVisible();
    await email.getByRole("button", { name: "Back" }).click();
    await expect(email.getByRole("button", { name: "Try again" })).toBeVisible();
    await email.getByRole("button", { name: "Mark as handled…" }).click();
    await email.getByRole("button", { name: "Yes, mark as handled" }).click();
    await expect(panel.getByRole("status")).toHaveText(`The message to ${patient.name} is marked handled.`);
    await expect(email).toHaveCount(0);

    // With nothing else flagged, the panel says so.
    const reception = await apiAs("reception");
    const left = await (await send(reception, endpoints.listMessages, { query: { flagged: "true" } })).json();
    if (left.items.length === 0)
      await expect(panel.getByText("Every message has gone, or someone has dealt with it.")).toBeVisible();

    await page.goto(`/reception/patients/${patient.id}`);
    const messages = page.getByRole("region", { name: "Messages", exact: true });
    await expect(messages.getByRole("row").filter({ hasText: sentSubject })).toContainText(
      `Sent ${formatShortDateTime(written, siteZone)} by email`,
    );
    // Tried again, the text message went: the worker `npm start` runs sent it (the SMS adapter records it).
    await expect(messages.getByRole("row").filter({ hasText: "07700 900123" })).toContainText(
      /Sent .+ by text message/,
    );
    const sentRow = messages.getByRole("row").filter({ hasText: sentSubject });
    await sentRow.getByText(sentSubject).click();
    await expect(sentRow.getByText(`Your consultation is booked (${tag}).`)).toBeVisible();
    await expect(messages.getByRole("row").filter({ hasText: `A reminder by email ${tag}` })).toContainText(
      `Failed after 8 attempts: ${emailError}. Handled`,
    );
    await expect(messages.getByRole("row").filter({ hasText: `A reminder by email ${tag}` })).toContainText(
      "by Jo Marsh",
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the administrator sets the reminders and the patient-page link's days, and a repeated reminder is refused", async ({
    page,
  }) => {
    const admin = await apiAs("admin");
    const before = await (await admin.get("/api/v1/policies")).json();
    try {
      await signInAsAdmin(page);
      await page.goto("/admin/policies");
      await expect(page.getByLabel("Reminder 1: days before")).toHaveValue("2");
      await expect(page.getByLabel("Reminder 1: time")).toHaveValue("18:00");
      await expect(page.getByLabel("Reminder 2: days before")).toHaveValue("0");
      await page.getByRole("button", { name: "Add a reminder" }).click();
      await page.getByLabel("Reminder 3: days before").fill("2");
      await page.getByLabel("Reminder 3: time").fill("18:00");
      await page.getByRole("button", { name: "Save policies" }).click();
      // The third reminder's time, by its field path.
      await expect(page.locator(".alert.error")).toContainText("reminders, 2, at: The same reminder twice");

      await page.getByLabel("Reminder 3: days before").fill("7");
      await page.getByLabel("Reminder 3: time").fill("12:30");
      await page.getByLabel("A link to the patient's own page works for (days)").fill("30");
      await page.getByRole("button", { name: "Save policies" }).click();
      await expect(page.getByRole("status")).toContainText("Policies saved");
      await page.reload();
      await expect(page.getByLabel("Reminder 3: days before")).toHaveValue("7");
      await expect(page.getByLabel("Reminder 3: time")).toHaveValue("12:30");
      await expect(page.getByLabel("A link to the patient's own page works for (days)")).toHaveValue("30");
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "Remove reminder 1" }).click();
      await expect(page.getByLabel("Reminder 1: days before")).toHaveValue("0");
      await expect(page.getByLabel("Reminder 3: days before")).toHaveCount(0);
      await page.getByRole("button", { name: "Save policies" }).click();
      await expect(page.getByRole("status")).toContainText("Policies saved");
      const saved = await (await admin.get("/api/v1/policies")).json();
      expect(saved).toMatchObject({
        reminders: [
          { daysBefore: 0, at: "07:00" },
          { daysBefore: 7, at: "12:30" },
        ],
        portalLinkDays: 30,
      });
    } finally {
      expect((await send(admin, endpoints.setPolicies, { body: before })).status()).toBe(200);
    }
  });
});

test.describe("the flagged messages on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

  test("reception's panel fits a 390 px screen and its buttons are a finger high", async ({ page }) => {
    const error = `No answer from the provider (${tag}, phone)`;
    await arrangeMessages([
      {
        patientId: patient.id,
        at: new Date().toISOString(),
        state: "failed",
        channel: "sms",
        kind: "reminder",
        to: "07700 900124",
        subject: null,
        body: `A reminder on a phone (${tag})`,
        attempts: 8,
        error,
      },
    ]);
    await signInThroughPage(page, emailOf("reception"));
    const entry = flaggedEntry(page, error);
    await expect(entry).toBeVisible();
    const overflow = await page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const button of await entry.getByRole("button").all())
      expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
