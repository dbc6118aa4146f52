import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { Role } from "@/lib/auth/policy";
import { endpoints } from "@/lib/http/endpoints";
import { bookAsOf } from "./arrange";
import { siteAt, startOf, today, weekdayAfter } from "./clock";
import { caseAt, type Clients } from "./pathway-support";
import { apiAs, emailOf, send, signInThroughPage } from "./support";
import { seriousViolations } from "./axe";

// A phone held upright: 390 x 844 CSS pixels, driven by touch.
const phone = { width: 390, height: 844 };
const tapHeight = 44; // the smallest tap target, in CSS pixels (WCAG 2.5.5, Apple and Android guidance)
test.use({ viewport: phone, hasTouch: true });

let c: Clients;
let ids: { patientId: string; caseId: string; readyToList: string; waiting: string };
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
  // A demo case in recovery: its page, plan and patient carry the most content.
  const kase = (await (await c.surgeon.get("/api/v1/cases?status=recovery&limit=1")).json()).items[0];
  // WL-1, WL-2: a case whose page asks for the listing priority, and one waiting with its clocks and history.
  const readyToList = (await caseAt(c, "failed_course")).id;
  const waiting = (await caseAt(c, "listed")).id;
  const changed = await send(c.surgeon, endpoints.changeListingPriority, {
    params: { id: waiting },
    body: { priority: "P2", reason: "Worse pain" },
  });
  expect(changed.status()).toBe(200);
  ids = { patientId: kase.patient.id, caseId: kase.id, readyToList, waiting };
});

/** A new account's one-time set-password link, as the administrator hands it over. */
async function passwordLink() {
  const admin = await apiAs("admin");
  const created = await send(admin, endpoints.createStaff, {
    body: { email: `phone.${Date.now()}@demo.clinic`, name: "Phone Width", role: "reception" },
  });
  return new URL((await created.json()).passwordLink.url).pathname;
}

/** A theatre's free time five weeks ahead, as its offer to the waiting list opens it (WL-4). */
async function theatreOffer() {
  const [theatre] = (await (await c.reception.get("/api/v1/rooms?kind=theatre")).json()).items;
  const day = weekdayAfter(today(), 26);
  return `/theatre-lists/offer?${new URLSearchParams({ roomId: theatre.id, start: siteAt(day, 16), end: siteAt(day, 17, 30) })}`;
}

type PhonePage = { name: string; role: Role | null; path: () => string | Promise<string>; heading: string | RegExp };

/** Every page, as the role that uses it. A new page is one more line here. */
const pages: PhonePage[] = [
  { name: "sign-in", role: null, path: () => "/login", heading: /sign in/i },
  {
    name: "setting a password from a new account's link",
    role: null,
    path: passwordLink,
    heading: "Set your password",
  },
  { name: "reception's patient search", role: "reception", path: () => "/reception", heading: "Reception" },
  {
    name: "registering a patient",
    role: "reception",
    path: () => "/reception/patients/new",
    heading: /register/i,
  },
  {
    name: "the patient at reception",
    role: "reception",
    path: () => `/reception/patients/${ids.patientId}`,
    heading: /.+/,
  },
  { name: "the patient page", role: "surgeon", path: () => `/patients/${ids.patientId}`, heading: /.+/ },
  { name: "the case page", role: "surgeon", path: () => `/cases/${ids.caseId}`, heading: /ankle$/ },
  {
    name: "a case ready to list, asking its priority",
    role: "surgeon",
    path: () => `/cases/${ids.readyToList}`,
    heading: /ankle$/,
  },
  {
    name: "a waiting case with its clocks, priority history and change form",
    role: "surgeon",
    path: () => `/cases/${ids.waiting}`,
    heading: /ankle$/,
  },
  { name: "the post-operative plan", role: "nurse", path: () => `/cases/${ids.caseId}/plan`, heading: /.+/ },
  { name: "the calendar", role: "reception", path: () => "/calendar", heading: /calendar/i },
  { name: "the nurse's round and board", role: "nurse", path: () => "/nurse", heading: "Dressing round" },
  { name: "the surgeon's review and board", role: "surgeon", path: () => "/surgeon", heading: "Case review" },
  {
    name: "the anaesthetist's worklist",
    role: "anaesthetist",
    path: () => "/anaesthetist",
    heading: "Pre-operative assessments",
  },
  { name: "the physiotherapist's list", role: "physio", path: () => "/physio", heading: "Physiotherapy" },
  { name: "the theatre lists", role: "surgeon", path: () => "/theatre-lists", heading: /^Theatre lists/ },
  { name: "staff and rooms", role: "admin", path: () => "/admin", heading: "Administration" },
  { name: "working hours", role: "admin", path: () => "/admin/hours", heading: /hours/i },
  { name: "clinic policies", role: "admin", path: () => "/admin/policies", heading: /polic/i },
  { name: "the audit trail", role: "admin", path: () => "/admin/audit", heading: /audit/i },
  { name: "the outbox", role: "admin", path: () => "/admin/messages", heading: "Messages to patients" },
  {
    name: "the message templates",
    role: "admin",
    path: () => "/admin/messages/templates",
    heading: "Message templates",
  },
  { name: "the waiting list", role: "reception", path: () => "/waiting-list", heading: "Waiting list" },
  { name: "the pathway dashboard", role: "surgeon", path: () => "/dashboard", heading: "Pathway dashboard" },
  {
    name: "freed theatre time offered to the waiting list",
    role: "reception",
    path: theatreOffer,
    heading: "Offer theatre time to the waiting list",
  },
];

/**
 * What does not fit a phone on the page as it stands: the page's width beyond the screen, and
 * each visible control lower than a finger (a checkbox or radio button counts by its label, which
 * is what the finger taps).
 */
async function phoneProblems(page: Page) {
  return page.evaluate((minimum) => {
    const problems: string[] = [];
    const width = document.scrollingElement!.scrollWidth;
    if (width > window.innerWidth) problems.push(`the page is ${width} px wide`);
    const controls = document.querySelectorAll<HTMLElement>("button, input, select, textarea, table a, li a");
    for (const control of controls) {
      if (!control.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      const own = control.getBoundingClientRect();
      if (own.width === 0 || own.height === 0) continue;
      const tapped =
        control instanceof HTMLInputElement && ["checkbox", "radio"].includes(control.type)
          ? (control.closest("label") ?? control)
          : control;
      const { height, right } = tapped.getBoundingClientRect();
      const name = `${control.tagName.toLowerCase()} "${(control.textContent || control.getAttribute("name") || control.id).trim().slice(0, 40)}"`;
      if (height < minimum) problems.push(`${name} is ${Math.round(height)} px high`);
      // A wide table scrolls inside itself: its far controls are reached by scrolling the table.
      const table = control.closest("table");
      const scrolled = table !== null && table.scrollWidth > table.clientWidth;
      if (!scrolled && right > window.innerWidth + 0.5)
        problems.push(`${name} ends at ${Math.round(right)} px, off screen`);
    }
    return problems;
  }, tapHeight);
}

async function signInAs(page: Page, role: Role) {
  await signInThroughPage(page, emailOf(role));
  await expect(page).not.toHaveURL(/\/login/);
}

test.describe("every page on a phone (390 x 844)", () => {
  for (const entry of pages) {
    test(`${entry.name} fits the screen, its controls at least ${tapHeight} px high, with no serious axe violation`, async ({
      page,
    }) => {
      if (entry.role) await signInAs(page, entry.role);
      await page.goto(await entry.path());
      await expect(page.getByRole("heading", { level: 1, name: entry.heading })).toBeVisible();
      await expect(page.getByText(/^Loading/)).toHaveCount(0);
      expect(await phoneProblems(page)).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});

/** The patient's name as the round and the board show it ("FAMILY, Given"). */
async function nameOf(reception: APIRequestContext, patientId: string) {
  const patient = await (await reception.get(`/api/v1/patients/${patientId}`)).json();
  return `${patient.familyName.toUpperCase()}, ${patient.givenName}`;
}

test.describe("the round on a phone, by touch", () => {
  test("a nurse records a dressing visit and replaces a missed dressing by tapping (PO-3)", async ({ page }) => {
    const due = await caseAt(c, "operated", { operatedDaysAgo: 2 });
    bookAsOf(new Date(startOf(today())), {
      caseId: due.id,
      kind: "dressing",
      start: siteAt(today(), 17, 20),
      homeVisit: true,
    });
    const missed = await caseAt(c, "operated", { operatedDaysAgo: 3 }); // D2, yesterday, not recorded
    const [duePatient, missedPatient] = [
      await nameOf(c.reception, due.patientId),
      await nameOf(c.reception, missed.patientId),
    ];

    await signInAs(page, "nurse");
    const visit = page.getByRole("listitem", { name: new RegExp(`^${duePatient.replace(/[()]/g, ".")} at`) });
    await visit.getByLabel("Clean and dry", { exact: true }).tap();
    await visit.getByLabel("Notes").fill("Portals dry");
    await visit.getByRole("button", { name: "Record visit" }).tap();
    await expect(visit.getByText("Recorded: Clean and dry")).toBeVisible();

    const board = page.getByRole("region", { name: "Recovery board" });
    const row = board.getByRole("row").filter({ hasText: missedPatient });
    await expect(row.getByText(/^The dressing due .* was not recorded\.$/)).toBeVisible();
    await row.getByRole("button", { name: "Replace the missed dressing" }).tap();
    await expect(board.getByRole("status")).toContainText(`${missedPatient}: a dressing visit is planned for`);
    expect(await phoneProblems(page)).toEqual([]);
  });

  test("a surgeon acknowledges a patient's alerts with one note by tapping, and sees it on the case (PO-3)", async ({
    page,
  }) => {
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 5 }); // D2 and D4 missed
    const patient = await nameOf(c.reception, kase.patientId);

    await signInAs(page, "surgeon");
    const board = page.getByRole("region", { name: "Recovery board" });
    const row = board.getByRole("row").filter({ hasText: patient });
    await expect(row.getByText("2 dressings not recorded", { exact: false })).toBeVisible();
    await row.getByRole("button", { name: "Acknowledge…" }).tap();
    const form = row.getByRole("form", { name: `Acknowledge alerts of ${patient}` });
    await expect(form.getByRole("checkbox")).toHaveCount(2);
    for (const box of await form.getByRole("checkbox").all()) await expect(box).toBeChecked();
    await form.getByLabel("Note").fill("Family called; nurse visits today");
    expect(await phoneProblems(page)).toEqual([]);
    await form.getByRole("button", { name: "Acknowledge", exact: true }).tap();
    await expect(board.getByRole("status")).toHaveText(`${patient}: 2 alerts acknowledged.`);
    await expect(row.getByText("None", { exact: true })).toBeVisible();

    await row.getByRole("link", { name: patient }).tap();
    const history = page.getByRole("region", { name: "Alerts acknowledged" });
    await expect(history).toContainText("Family called; nurse visits today");
    await expect(history.getByRole("listitem").filter({ hasText: /^The dressing due/ })).toHaveCount(2);
    await expect(page.getByRole("region", { name: "Timeline" })).toContainText("2 alerts acknowledged, by");
    expect(await phoneProblems(page)).toEqual([]);
  });
});
