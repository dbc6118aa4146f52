import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { expirePortalLink } from "./arrange-portal-expiry";
import { seriousViolations } from "./axe";
import { apiAs, emailOf, send, signInThroughPage } from "./support";

// A phone held upright.
const phone = { width: 390, height: 844 };

/**
 * The patient's side: a fresh browser (no staff cookie) at phone width, with the script errors
 * and React's complaints (a page whose server HTML and script disagree) it logs.
 */
async function patientPage(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: phone, hasTouch: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && /react|hydrat/i.test(message.text())) errors.push(message.text());
  });
  await page.goto(url);
  return { context, page, errors };
}

/**
 * The first dressing visit of a post-operative demo patient that starts in an hour or more (the
 * patient may still ask to move it), as reception lists it.
 */
async function upcomingDressing(reception: APIRequestContext) {
  const upcoming = await send(reception, endpoints.listAppointments, {
    query: { kind: "dressing", from: new Date(Date.now() + 60 * 60_000).toISOString(), limit: 1 },
  });
  const dressing = (await upcoming.json()).items[0];
  expect(dressing, "a demo patient with a dressing visit to come").toBeTruthy();
  return dressing;
}

test.describe("the patient's own page", () => {
  test("reception makes a link on a post-operative patient's record; the patient opens it on a phone, sees appointments and plan, reports pain and asks to move a visit (OC-1); withdrawn, it opens nothing", async ({
    page,
    browser,
  }) => {
    const reception = await apiAs("reception");
    const dressing = await upcomingDressing(reception);
    const givenName = dressing.patient.name.split(", ")[1];
    // Earlier journeys may have made links for this patient: count them by state first (a new
    // link withdraws the working ones).
    const linksBefore = await send(reception, endpoints.listPortalLinks, {
      params: { id: dressing.patient.id },
      query: { limit: 100 },
    });
    const statesBefore: string[] = (await linksBefore.json()).items.map((l: { state: string }) => l.state);
    const countOf = (state: string) => statesBefore.filter((s) => s === state).length;

    await signInThroughPage(page, emailOf("reception"));
    await expect(page).toHaveURL(/\/reception$/);
    await page.goto(`/reception/patients/${dressing.patient.id}`);
    const section = page.getByRole("region", { name: "Patient page" });
    await section.getByRole("button", { name: "Make a link to the patient's page" }).click();
    const shown = section.getByRole("status");
    await expect(shown).toContainText("shown only now");
    await expect(shown).toContainText(/It is being sent to the patient by|It was not sent/);
    const url = await section.getByLabel("Link to the patient's page").inputValue();
    expect(url).toMatch(/\/portal\/[A-Za-z0-9_-]{43}$/);
    await expect(section.getByRole("row").filter({ hasText: "Working" })).toHaveCount(1);
    const withdrawnBefore = countOf("revoked") + countOf("active");
    await expect(section.getByRole("row").filter({ hasText: "Withdrawn" })).toHaveCount(withdrawnBefore);

    const patient = await patientPage(browser, url);
    const p = patient.page;
    await expect(p.getByRole("heading", { level: 1, name: `Hello ${givenName}` })).toBeVisible();
    const appointments = p.getByRole("region", { name: "Your appointments" });
    await expect(appointments.getByText("Wound dressing by a nurse").first()).toBeVisible();
    const plan = p.getByRole("region", { name: "Your recovery plan" });
    await expect(plan.getByRole("heading", { name: "When to call us straight away" })).toBeVisible();
    await expect(plan).toContainText("(day 0)");
    const subscribe = p.getByRole("link", { name: "Subscribe in your calendar app" });
    await expect(subscribe).toHaveAttribute("href", /^webcal:\/\/.+\/portal\/[A-Za-z0-9_-]{43}\/calendar\.ics$/);
    // No staff navigation, nothing wider than the phone, and axe finds nothing serious.
    await expect(p.getByRole("navigation")).toHaveCount(0);
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect(await seriousViolations(p)).toEqual([]);
    const feed = await p.request.get(url.replace(/$/, "/calendar.ics"));
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VEVENT");

    // The patient reports today's pain score (OC-1), by touch, and asks to move the dressing visit.
    const pain = p.getByRole("group", { name: "How bad is the pain in your ankle today?" });
    await pain.getByLabel("3", { exact: true }).check();
    await p.getByRole("button", { name: "Send my pain score" }).click();
    await expect(p.locator("#pain").getByRole("status")).toBeVisible();
    const scores = await send(await apiAs("surgeon"), endpoints.getCaseOutcomes, { params: { id: dressing.caseId } });
    expect((await scores.json()).painScores).toContainEqual(expect.objectContaining({ score: 3, source: "patient" }));
    const move = p.getByRole("region", { name: "Need to change an appointment?" });
    await move.getByRole("button", { name: "Ask to move this appointment" }).first().click();
    await move.getByLabel("Which days and times would suit you?").fill("Any morning next week");
    await move.getByRole("button", { name: "Send request" }).click();
    await expect(move.getByRole("status").first()).toContainText("Your request has been sent.");
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    expect(await seriousViolations(p)).toEqual([]);

    // Reception withdraws it (the newest, listed first), after a confirmation.
    await page.reload();
    await section.getByRole("button", { name: "Withdraw…" }).first().click();
    await section.getByRole("button", { name: "Yes, withdraw it" }).click();
    await expect(section.getByRole("row").filter({ hasText: "Withdrawn" })).toHaveCount(withdrawnBefore + 1);

    expect(patient.errors).toEqual([]);

    await p.reload();
    await expect(p.getByRole("alert").filter({ hasText: "This link has been withdrawn" })).toBeVisible();
    await expect(p.getByText(givenName)).toHaveCount(0);
    expect(await seriousViolations(p)).toEqual([]);
    await patient.context.close();
  });

  test("the pain form and a request to move work without JavaScript and fit a 320 px screen (OC-1)", async ({
    browser,
  }) => {
    const reception = await apiAs("reception");
    const dressing = await upcomingDressing(reception);
    const made = await send(reception, endpoints.issuePortalLink, { params: { id: dressing.patient.id } });
    expect(made.status()).toBe(201);
    const { url } = await made.json();

    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // Nothing in the pain panel runs past its edge.
    const overflow = await page.locator("#pain").evaluate((panel) => {
      const edge = panel.getBoundingClientRect().right;
      const rights = [...panel.querySelectorAll("label, button")].map((e) => e.getBoundingClientRect().right);
      return Math.max(...rights) - edge;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    const pain = page.getByRole("group", { name: "How bad is the pain in your ankle today?" });
    await pain.getByLabel("5", { exact: true }).check();
    await page.getByRole("button", { name: "Send my pain score" }).click();
    // The plain form's answer is the page again, now with today's score.
    await expect(page.locator("#pain")).toContainText("You reported a pain score of 5 out of 10 today.");
    const scores = await send(await apiAs("surgeon"), endpoints.getCaseOutcomes, { params: { id: dressing.caseId } });
    expect((await scores.json()).painScores).toContainEqual(expect.objectContaining({ score: 5, source: "patient" }));

    // Without a script there is no button to open the request form: the plain form is shown.
    const move = page.getByRole("region", { name: "Need to change an appointment?" });
    await expect(move.getByRole("button", { name: "Ask to move this appointment" })).toHaveCount(0);
    const askable = move.getByRole("form").first();
    await askable.getByLabel("Which days and times would suit you?").fill("Thursday afternoons");
    await askable.getByRole("button", { name: "Send request" }).click();
    await expect(move).toContainText("You asked to move this appointment on");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  test("an expired link shows the refusal page with no patient data", async ({ browser }) => {
    const reception = await apiAs("reception");
    const dressing = await upcomingDressing(reception);
    const made = await send(reception, endpoints.issuePortalLink, { params: { id: dressing.patient.id } });
    expect(made.status()).toBe(201);
    const link = await made.json();
    await expirePortalLink(link.id);

    const { context, page } = await patientPage(browser, link.url);
    await expect(page.getByRole("alert").filter({ hasText: "This link has expired" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Your appointments" })).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
