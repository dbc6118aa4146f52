// GET /api/v1/theatre-lists and PUT /api/v1/theatre-lists/order through their route handlers
// (WL-5): the day's sessions per theatre, what each refusal answers, and that a refused reorder
// writes nothing while an accepted one is recorded and audited.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment, cancelAppointment, moveAppointment } from "@/lib/services/appointments";
import type { TheatreLists, TheatreSessionList } from "@/lib/schemas/theatre-list";
import { dayFromToday, siteAt } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { callRoute, signInAs } from "../setup/routes";
import { createRooms } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;
let admin: Actor;
let theatres: { id: string; name: string }[];
const listPath = "/api/v1/theatre-lists";
const orderPath = "/api/v1/theatre-lists/order";

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
  theatres = (await createRooms(prisma, team.reception, "theatre", 2)).sort((a, b) => a.name.localeCompare(b.name));
});

let nextDay = 10;
/** Arthroscopies in the first theatre on a day of their own, at the given site times; returns the day's offset and their ids. */
async function listOn(...times: [number, number][]) {
  const days = nextDay++;
  const ids: string[] = [];
  for (const [hours, minutes] of times) {
    const { caseId } = await caseAt(team, "assessed");
    const booked = await bookAppointment(team.reception, {
      caseId,
      kind: "arthroscopy",
      start: siteAt(days, hours, minutes).toISOString(),
      roomId: theatres[0]!.id,
      admission: "inpatient",
    });
    ids.push(booked.id);
  }
  return { days, date: dayFromToday(days), ids };
}

async function read(date: string): Promise<TheatreLists> {
  await signInAs(prisma, team.reception);
  const response = await callRoute("get", listPath, {}, `?date=${date}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}
const sessionOf = (lists: TheatreLists, theatre: number, session: "morning" | "afternoon") =>
  lists.sessions.find((s) => s.theatre.id === theatres[theatre]!.id && s.session === session)!;
const orderOf = (list: TheatreSessionList) => list.items.map((i) => i.appointmentId);
const positions = (ids: string[]) => prisma.theatreListPosition.count({ where: { appointmentId: { in: ids } } });
const reorderAudits = (ids: string[]) =>
  prisma.auditEvent.count({ where: { action: "theatre_list.reorder", entityId: { in: ids } } });

describe("GET /api/v1/theatre-lists (WL-5)", () => {
  it("shows every theatre's morning and afternoon, arthroscopies in start order, cancelled ones left out, an overrun counted where it starts (WL-5)", async () => {
    const { days, date, ids } = await listOn([9, 30], [8, 0], [11, 0], [12, 30]);
    await signInAs(prisma, team.reception);
    await cancelAppointment(team.reception, ids[2]!, { reason: "Patient unwell" });
    const lists = await read(date);
    expect(lists.sessions.filter((s) => theatres.some((t) => t.id === s.theatre.id))).toHaveLength(4);

    const morning = sessionOf(lists, 0, "morning");
    expect(morning).toMatchObject({ start: siteAt(days, 8).toISOString(), end: siteAt(days, 13).toISOString() });
    expect(orderOf(morning)).toEqual([ids[1], ids[0], ids[3]]);
    expect(morning.items.map((i) => i.position)).toEqual([1, 2, 3]);
    expect(morning.items[0]).toMatchObject({
      start: siteAt(days, 8).toISOString(),
      end: siteAt(days, 9, 30).toISOString(),
      admission: "inpatient",
      side: "left",
      surgeon: { name: expect.any(String) },
      anaesthetist: { name: expect.any(String) },
      patient: { mrn: expect.any(String) },
    });
    // 3 x 90 minutes of a 300-minute session; the 12:30 arthroscopy runs to 14:00 and counts whole here.
    expect(morning).toMatchObject({ bookedMinutes: 270, sessionMinutes: 300, utilisation: 0.9 });
    // Free: 11:00-12:30 (the cancelled one's time) is 90 minutes, an arthroscopy's length.
    expect(morning.gaps).toEqual([{ start: siteAt(days, 11).toISOString(), end: siteAt(days, 12, 30).toISOString() }]);

    const afternoon = sessionOf(lists, 0, "afternoon");
    expect(afternoon).toMatchObject({ items: [], utilisation: 0, bookedMinutes: 0 });
    expect(afternoon.gaps).toEqual([{ start: siteAt(days, 14).toISOString(), end: siteAt(days, 18).toISOString() }]);
    const empty = sessionOf(lists, 1, "afternoon");
    expect(empty).toMatchObject({ items: [], utilisation: 0 });
    expect(empty.gaps).toEqual([{ start: empty.start, end: empty.end }]);
  });

  it("answers 400 naming `date` for a missing or impossible date, 401 signed out, 403 to the administrator", async () => {
    await signInAs(prisma, team.reception);
    for (const query of ["", "?date=2026-02-30", "?date=tomorrow"]) {
      const response = await callRoute("get", listPath, {}, query);
      expect(response.status, query).toBe(400);
      expect((await response.json()).errors.map((e: { path: string }) => e.path)).toEqual(["date"]);
    }
    await signInAs(prisma, null);
    expect((await callRoute("get", listPath, {}, `?date=${dayFromToday(1)}`)).status).toBe(401);
    await signInAs(prisma, admin);
    expect((await callRoute("get", listPath, {}, `?date=${dayFromToday(1)}`)).status).toBe(403);
  });

  it("is read by every clinical role and reception, with one audit row naming each patient shown", async () => {
    const { date, ids } = await listOn([8, 0], [9, 30]);
    const patients = (await prisma.appointment.findMany({ where: { id: { in: ids } } })).map((a) => a.patientId);
    for (const actor of [team.reception, team.nurse, team.surgeon, team.anaesthetist, team.physio]) {
      await signInAs(prisma, actor);
      expect((await callRoute("get", listPath, {}, `?date=${date}`)).status).toBe(200);
      const rows = await prisma.auditEvent.findMany({ where: { actorId: actor.id, action: "theatre_list.read" } });
      expect(rows.at(-1)!.patientIds).toEqual(expect.arrayContaining(patients));
    }
  });
});

describe("PUT /api/v1/theatre-lists/order (WL-5)", () => {
  it("records a new running order, audited per arthroscopy, and the list shows it from then on (WL-5)", async () => {
    const { date, ids } = await listOn([8, 0], [9, 30], [11, 0]);
    const before = sessionOf(await read(date), 0, "morning");
    const wanted = [ids[2]!, ids[0]!, ids[1]!];
    await signInAs(prisma, team.surgeon);
    const response = await callRoute("put", orderPath, {}, "", {
      roomId: theatres[0]!.id,
      date,
      session: "morning",
      appointmentIds: wanted,
      version: before.version,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const answered = (await response.json()) as TheatreSessionList;
    expect(orderOf(answered)).toEqual(wanted);
    expect(answered.version).not.toBe(before.version);
    expect(orderOf(sessionOf(await read(date), 0, "morning"))).toEqual(wanted);
    const audits = await prisma.auditEvent.findMany({
      where: { action: "theatre_list.reorder", entityId: { in: ids } },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => [a.entityId, a.actorId, (a.detail as { position: number }).position])).toEqual([
      [ids[2], team.surgeon.id, 1],
      [ids[0], team.surgeon.id, 2],
      [ids[1], team.surgeon.id, 3],
    ]);
    expect(audits.every((a) => a.patientId !== null)).toBe(true);
  });

  it("refuses with 422 WL-5 an order that leaves out, repeats or adds an arthroscopy, and writes nothing (WL-5)", async () => {
    const { date, ids } = await listOn([8, 0], [9, 30]);
    const other = await listOn([8, 0]);
    await signInAs(prisma, team.reception);
    for (const appointmentIds of [[ids[1]!], [ids[1]!, ids[0]!, ids[0]!], [ids[1]!, ids[0]!, other.ids[0]!]]) {
      const response = await callRoute("put", orderPath, {}, "", {
        roomId: theatres[0]!.id,
        date,
        session: "morning",
        appointmentIds,
      });
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: "WL-5", rule: expect.any(String) });
    }
    // The afternoon's list is empty: the morning's arthroscopies are not on it.
    const wrongSession = await callRoute("put", orderPath, {}, "", {
      roomId: theatres[0]!.id,
      date,
      session: "afternoon",
      appointmentIds: ids,
    });
    expect(wrongSession.status).toBe(422);
    expect(await positions([...ids, ...other.ids])).toBe(0);
    expect(await reorderAudits([...ids, ...other.ids])).toBe(0);
  });

  it("answers 409 when the list changed since it was read, and writes nothing", async () => {
    const { date, ids } = await listOn([8, 0], [9, 30]);
    const stale = sessionOf(await read(date), 0, "morning").version;
    await signInAs(prisma, team.reception);
    const first = await callRoute("put", orderPath, {}, "", {
      roomId: theatres[0]!.id,
      date,
      session: "morning",
      appointmentIds: [ids[1]!, ids[0]!],
      version: stale,
    });
    expect(first.status).toBe(200);
    const second = await callRoute("put", orderPath, {}, "", {
      roomId: theatres[0]!.id,
      date,
      session: "morning",
      appointmentIds: [ids[0]!, ids[1]!],
      version: stale,
    });
    expect(second.status).toBe(409);
    expect((await second.json()).code).toBe("CONFLICT");
    expect(orderOf(sessionOf(await read(date), 0, "morning"))).toEqual([ids[1], ids[0]]);
    expect(await reorderAudits(ids)).toBe(2);
  });

  it("answers 400 with field paths, 403 to roles that do not run the list, 404 for a theatre not of the site", async () => {
    const { date, ids } = await listOn([8, 0], [9, 30]);
    const body = { roomId: theatres[0]!.id, date, session: "morning", appointmentIds: [ids[1]!, ids[0]!] };
    await signInAs(prisma, team.reception);
    const bad = await callRoute("put", orderPath, {}, "", { ...body, session: "evening", appointmentIds: [] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "appointmentIds",
      "session",
    ]);
    for (const actor of [team.nurse, team.anaesthetist, team.physio, admin]) {
      await signInAs(prisma, actor);
      expect((await callRoute("put", orderPath, {}, "", body)).status, actor.role).toBe(403);
    }
    await signInAs(prisma, team.reception);
    const unknown = await callRoute("put", orderPath, {}, "", { ...body, roomId: randomUUID() });
    expect(unknown.status).toBe(404);
    expect(await positions(ids)).toBe(0);
  });

  it("keeps a position only while the arthroscopy stays in that session: moved to the afternoon, it is ordered by its time there", async () => {
    const { days, date, ids } = await listOn([8, 0], [9, 30]);
    await signInAs(prisma, team.reception);
    await callRoute("put", orderPath, {}, "", {
      roomId: theatres[0]!.id,
      date,
      session: "morning",
      appointmentIds: [ids[1]!, ids[0]!],
    });
    await moveAppointment(team.reception, ids[1]!, { start: siteAt(days, 15).toISOString(), reason: "Surgeon late" });
    const lists = await read(date);
    expect(orderOf(sessionOf(lists, 0, "morning"))).toEqual([ids[0]]);
    expect(orderOf(sessionOf(lists, 0, "afternoon"))).toEqual([ids[1]]);
  });
});
