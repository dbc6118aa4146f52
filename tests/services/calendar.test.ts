import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { bookAppointment, cancelAppointment, moveAppointment } from "@/lib/services/appointments";
import { caseCalendarFile } from "@/lib/services/calendar";
import { minutesFromNow, siteAt } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, giveHours } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon);
  await createRooms(prisma, team.reception, "consulting", 2);
});

type Event = { uid: string; sequence: number; status: string | null; start: string; stamp: string };

/** The file as a calendar program reads it (ical.js), one entry per event. */
function read(text: string): { method: string; events: Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue("status") as string | null,
      start: event.startDate.toJSDate().toISOString(),
      stamp: (vevent.getFirstPropertyValue("dtstamp") as ICAL.Time).toJSDate().toISOString(),
    };
  });
  return { method: String(calendar.getFirstPropertyValue("method")), events };
}

let nextHour = 8;

/** A referred case with two consultations booked, three and four days ahead, each case at its own hour. */
async function caseWithTwoConsultations() {
  const { caseId } = await caseAt(team, "referred");
  const hour = nextHour++;
  const book = (days: number) =>
    bookAppointment(team.reception, { caseId, kind: "consultation", start: siteAt(days, hour).toISOString() });
  return { caseId, hour, first: await book(3), second: await book(4) };
}

describe("the appointments' iCalendar file (RFC 5545, RFC 5546)", () => {
  it("ends every line with CRLF, the last one included, and folds none past 75 octets", async () => {
    const { caseId } = await caseWithTwoConsultations();
    const text = await caseCalendarFile(team.surgeon, caseId);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("publishes each appointment under a UID that stays the same from one download to the next, with DTSTAMP and SEQUENCE 0", async () => {
    const { caseId, first, second } = await caseWithTwoConsultations();
    const stampedAt = minutesFromNow(-5);
    const once = read(await caseCalendarFile(team.surgeon, caseId, stampedAt));
    const twice = read(await caseCalendarFile(team.surgeon, caseId));
    expect(once.method).toBe("PUBLISH");
    expect(once.events.map((e) => e.uid)).toEqual([`${first.id}@ankle-pathway`, `${second.id}@ankle-pathway`]);
    expect(twice.events.map((e) => e.uid)).toEqual(once.events.map((e) => e.uid));
    expect(once.events.map((e) => e.sequence)).toEqual([0, 0]);
    expect(once.events.map((e) => e.status)).toEqual(["CONFIRMED", "CONFIRMED"]);
    expect(once.events[0]!.stamp).toBe(new Date(Math.floor(stampedAt.getTime() / 1000) * 1000).toISOString());
  });

  it("raises SEQUENCE with each move and keeps a cancelled appointment as STATUS:CANCELLED, so an imported copy updates", async () => {
    const { caseId, hour, first, second } = await caseWithTwoConsultations();
    await moveAppointment(team.reception, first.id, { start: siteAt(5, 11).toISOString(), reason: "Patient asked" });
    await moveAppointment(team.reception, first.id, { start: siteAt(6, 11).toISOString(), reason: "Surgeon away" });
    await cancelAppointment(team.reception, second.id, { reason: "Patient better" });
    const { events } = read(await caseCalendarFile(team.surgeon, caseId));
    const moved = events.find((e) => e.uid === `${first.id}@ankle-pathway`)!;
    const cancelled = events.find((e) => e.uid === `${second.id}@ankle-pathway`)!;
    expect(moved).toMatchObject({ sequence: 2, status: "CONFIRMED", start: siteAt(6, 11).toISOString() });
    expect(cancelled).toMatchObject({ sequence: 1, status: "CANCELLED", start: siteAt(4, hour).toISOString() });
  });
});
