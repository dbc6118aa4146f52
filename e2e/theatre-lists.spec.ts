import { expect, test, type Page } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { seriousViolations } from "./axe";
import { siteAt, today, weekdayAfter } from "./clock";
import { caseAt, post, type Clients } from "./pathway-support";
import { apiAs, emailOf, send, signInThroughPage } from "./support";

let c: Clients;
let day: string;
let theatre: { id: string; name: string };
let booked: { id: string; name: string }[];

// Two arthroscopies, 08:00 and 09:30, in the morning session of the demo's first theatre, on a
// weekday three weeks ahead (their assessments stay valid then, SX-3).
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
  day = weekdayAfter(today(), 15);
  const rooms = (await (await c.reception.get("/api/v1/rooms?kind=theatre")).json()).items as {
    id: string;
    name: string;
  }[];
  theatre = rooms.sort((a, b) => a.name.localeCompare(b.name))[0]!;
  booked = [];
  for (const [hours, minutes] of [
    [8, 0],
    [9, 30],
  ] as const) {
    const kase = await caseAt(c, "assessed");
    const appointment = await post(c.reception, endpoints.bookAppointment, {
      body: {
        caseId: kase.id,
        kind: "arthroscopy",
        start: siteAt(day, hours, minutes),
        roomId: theatre.id,
        admission: "inpatient",
      },
    });
    const patient = await (await c.reception.get(`/api/v1/patients/${kase.patientId}`)).json();
    booked.push({ id: appointment.id, name: `${patient.familyName.toUpperCase()}, ${patient.givenName}` });
  }
});

const morningOf = (page: Page) => page.getByRole("region", { name: new RegExp(`^${theatre.name}, morning session`) });
const patientsIn = async (page: Page) =>
  (await morningOf(page).getByRole("row").allTextContents()).filter((t) => booked.some((b) => t.includes(b.name)));

test("a surgeon reorders a theatre list by keyboard, the order stays, and it prints one page per session (WL-5)", async ({
  page,
}) => {
  await signInThroughPage(page, emailOf("surgeon"));
  await page.getByRole("link", { name: "Theatre lists" }).click();
  await expect(page).toHaveURL(/\/theatre-lists$/);
  await page.getByLabel("Day").fill(day);
  await page.getByRole("button", { name: "Show this day" }).click();
  await expect(page).toHaveURL(new RegExp(`/theatre-lists\\?date=${day}$`));
  const morning = morningOf(page);
  await expect(morning).toContainText(/% used, \d+ of 300 minutes booked/);
  expect((await patientsIn(page)).map((t) => booked.findIndex((b) => t.includes(b.name)))).toEqual([0, 1]);

  const down = morning.getByRole("button", { name: `Move down: ${booked[0]!.name}` });
  await down.focus();
  await page.keyboard.press("Enter");
  await expect(morning.getByRole("status")).toHaveText(
    new RegExp(`^${booked[0]!.name.replace(/[()]/g, ".")} moved to number \\d of \\d\\. The order is saved\\.$`),
  );
  // The keyboard stays on the moved patient: its "Move down", or its "Move up" once it is last
  // (other journeys may book the same session, so it need not be last).
  await expect(page.locator(":focus")).toHaveAttribute(
    "aria-label",
    new RegExp(`^Move (up|down): ${booked[0]!.name.replace(/[()]/g, ".")}$`),
  );
  expect((await patientsIn(page)).map((t) => booked.findIndex((b) => t.includes(b.name)))).toEqual([1, 0]);
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  expect((await patientsIn(page)).map((t) => booked.findIndex((b) => t.includes(b.name)))).toEqual([1, 0]);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Workspace" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  const sessions = page.locator("section.theatre-session");
  const count = await sessions.count();
  expect(count).toBeGreaterThanOrEqual(4); // two theatres, two sessions each
  const breaks = await sessions.evaluateAll((all) => all.map((s) => getComputedStyle(s).breakAfter));
  expect(breaks).toEqual([...Array(count - 1).fill("page"), "auto"]);
  const pdf = (await page.pdf({ format: "A4" })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(count);
});

test.describe("PUT /api/v1/theatre-lists/order", () => {
  test("refuses an order that leaves an arthroscopy out with 422 WL-5, and takes one naming both (WL-5)", async () => {
    const reception = await apiAs("reception");
    const order = (appointmentIds: string[]) =>
      send(reception, endpoints.reorderTheatreList, {
        body: { roomId: theatre.id, date: day, session: "morning", appointmentIds },
      });
    const refused = await order([booked[0]!.id]);
    expect(refused.status()).toBe(422);
    expect((await refused.json()).code).toBe("WL-5");
    const lists = await (await reception.get(`/api/v1/theatre-lists?date=${day}`)).json();
    const morning = lists.sessions.find(
      (s: { theatre: { id: string }; session: string }) => s.theatre.id === theatre.id && s.session === "morning",
    );
    const ids: string[] = morning.items.map((i: { appointmentId: string }) => i.appointmentId);
    const accepted = await order([...ids].reverse());
    expect(accepted.status(), await accepted.text()).toBe(200);
    expect((await accepted.json()).items.map((i: { appointmentId: string }) => i.appointmentId)).toEqual(
      [...ids].reverse(),
    );
  });
});
