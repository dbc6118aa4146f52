// GET /api/v1/waiting-list and its CSV export (WL-2, WL-3): the site's listed, not yet operated,
// not cancelled cases in priority, breach date, listing date and case id order, page by page,
// filtered by surgeon and priority, each read audited; other roles and malformed queries refused.
import { callRoute, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment } from "@/lib/services/appointments";
import { cancelCase, listForSurgery } from "@/lib/services/case-commands";
import { encodeCursor } from "@/lib/services/cursor";
import type { WaitingListItem } from "@/lib/schemas/waiting-list";
import { walkCase } from "@/prisma/demo-cases";
import { registerPatient } from "@/lib/services/patients";
import { testDatabase } from "../setup/db";
import { addDays } from "@/lib/domain/time";
import { dayFromToday, now, siteAt } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";
import { createRooms, createStaff } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;
let admin: Actor;
let secondSurgeon: Actor;
/** The site's waiting cases by name, and the cases that must not show. */
const c: Record<string, { caseId: string; patientId: string }> = {};

const newPatient = (t: Team, familyName = `List${Math.random().toString(36).slice(2, 8)}`) =>
  registerPatient(t.reception, {
    givenName: "Waiting",
    familyName,
    birthDate: "1970-02-03",
    sex: "male",
    phone: null,
    email: null,
  });

/** A new patient's case, its first-line course failed 100 days ago, listed by `surgeon` on `listedOn`. */
async function listed(
  t: Team,
  options: { priority: "P1" | "P2" | "P3" | "P4"; listedOn: string; surgeon?: Actor; familyName?: string },
) {
  const patient = await newPatient(t, options.familyName);
  const { caseId } = await walkCase(t, patient.id, "failed_course", { now: now(), operatedDaysAgo: 0 });
  await listForSurgery(
    options.surgeon ?? t.surgeon,
    caseId,
    { listedOn: options.listedOn, priority: options.priority, notes: null },
    now(),
  );
  return { caseId, patientId: patient.id };
}

/** A new patient's case walked to "assessed": listed (P4) 97 days ago, assessed 32 days ago. */
async function assessed(t: Team, homeSupport: boolean) {
  const patient = await newPatient(t);
  const { caseId } = await walkCase(t, patient.id, "assessed", { now: now(), homeSupport });
  return { caseId, patientId: patient.id };
}

beforeAll(async () => {
  const clinic = await createClinic(prisma);
  team = clinic.team;
  admin = clinic.staff.admin;
  secondSurgeon = (await createStaff(prisma, team.reception, "surgeon", 1))[0]!;
  await createRooms(prisma, team.reception, "theatre");
  c.urgent = await listed(team, { priority: "P1", listedOn: dayFromToday(-3) });
  c.soonOlder = await listed(team, { priority: "P2", listedOn: dayFromToday(-50) });
  c.soonTieA = await listed(team, { priority: "P2", listedOn: dayFromToday(-10) });
  c.soonTieB = await listed(team, { priority: "P2", listedOn: dayFromToday(-10), surgeon: secondSurgeon });
  c.routine = await listed(team, { priority: "P3", listedOn: dayFromToday(-40), surgeon: secondSurgeon });
  // Walked: listed P4 97 days ago, assessed 32 days ago (valid 90 days); one with help at home booked.
  c.inpatient = await assessed(team, false);
  c.booked = await assessed(team, true);
  await bookAppointment(
    team.reception,
    { caseId: c.booked.caseId, kind: "arthroscopy", start: siteAt(9, 8).toISOString(), admission: "day_case" },
    now(),
  );
  c.operated = await caseAt(team, "operated");
  c.cancelled = await listed(team, { priority: "P1", listedOn: dayFromToday(-5) });
  await cancelCase(team.surgeon, c.cancelled.caseId, { reason: "Symptoms resolved" }, now());
  const otherSite = (await createClinic(prisma)).team;
  c.otherSite = await listed(otherSite, { priority: "P1", listedOn: dayFromToday(-90) });
});

const byId = (a: string, b: string) => (a < b ? -1 : 1);
const tie = (a: string, b: string) => [c[a]!.caseId, c[b]!.caseId].sort(byId);
/** The site's list in WL-3 order, as built above. */
const expectedOrder = () => [
  c.urgent!.caseId,
  c.soonOlder!.caseId,
  ...tie("soonTieA", "soonTieB"),
  c.routine!.caseId,
  ...tie("inpatient", "booked"),
];

async function list(actor: Actor, query = "") {
  await signInAs(prisma, actor);
  return callRoute("get", "/api/v1/waiting-list", {}, query);
}

async function page(actor: Actor, query = ""): Promise<{ items: WaitingListItem[]; nextCursor: string | null }> {
  const response = await list(actor, query);
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

describe("GET /api/v1/waiting-list (WL-3)", () => {
  it("lists the site's waiting cases by priority, breach date, listing date, then case id (WL-3)", async () => {
    const { items, nextCursor } = await page(team.reception);
    expect(items.map((i) => i.caseId)).toEqual(expectedOrder());
    expect(nextCursor).toBeNull();
  });

  it("leaves out operated and cancelled cases and other sites' cases (WL-3)", async () => {
    const ids = (await page(team.reception)).items.map((i) => i.caseId);
    for (const gone of [c.operated!, c.cancelled!, c.otherSite!]) expect(ids).not.toContain(gone.caseId);
  });

  it("counts the admitted-pathway clock from listing: days waiting and the 18-week breach date (WL-2), the priority's due date (WL-1)", async () => {
    const { items } = await page(team.reception);
    const urgent = items.find((i) => i.caseId === c.urgent!.caseId)!;
    expect(urgent).toMatchObject({
      priority: "P1",
      listedOn: dayFromToday(-3),
      daysWaiting: 3,
      breachOn: addDays(dayFromToday(-3), 126),
      priorityDueOn: dayFromToday(0),
      assessmentValidUntil: null,
      admission: null,
      arthroscopyBooked: null,
    });
    const routine = items.find((i) => i.caseId === c.routine!.caseId)!;
    expect(routine).toMatchObject({ daysWaiting: 40, breachOn: addDays(dayFromToday(-40), 126) });
    expect(items.find((i) => i.caseId === c.inpatient!.caseId)?.priorityDueOn).toBeNull();
  });

  it("shows the latest assessment's last valid day (SX-3), its admission (SX-4) and the booked arthroscopy's start", async () => {
    const { items } = await page(team.reception);
    const inpatient = items.find((i) => i.caseId === c.inpatient!.caseId)!;
    const booked = items.find((i) => i.caseId === c.booked!.caseId)!;
    expect(inpatient).toMatchObject({
      assessmentValidUntil: addDays(dayFromToday(-32), 90),
      admission: "inpatient",
      arthroscopyBooked: null,
    });
    expect(booked).toMatchObject({ admission: "day_case", arthroscopyBooked: siteAt(9, 8).toISOString() });
  });

  it("filters by the listing surgeon and by priority, in the same order", async () => {
    const bySurgeon = await page(team.reception, `?surgeonId=${secondSurgeon.id}`);
    expect(bySurgeon.items.map((i) => i.caseId)).toEqual(
      expectedOrder().filter((id) => [c.soonTieB!.caseId, c.routine!.caseId].includes(id)),
    );
    const p2 = await page(team.reception, "?priority=P2");
    expect(p2.items.map((i) => i.caseId)).toEqual([c.soonOlder!.caseId, ...tie("soonTieA", "soonTieB")]);
    const both = await page(team.reception, `?priority=P2&surgeonId=${secondSurgeon.id}`);
    expect(both.items.map((i) => i.caseId)).toEqual([c.soonTieB!.caseId]);
  });

  it("pages with a cursor: every case once, none skipped, across ties", async () => {
    for (const limit of [1, 2, 3, 4]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const next: { items: WaitingListItem[]; nextCursor: string | null } = await page(
          team.reception,
          `?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
        );
        expect(next.items.length).toBeLessThanOrEqual(limit);
        seen.push(...next.items.map((i) => i.caseId));
        cursor = next.nextCursor;
      } while (cursor);
      expect(seen, `limit ${limit}`).toEqual(expectedOrder());
    }
  });

  it("answers reception, surgeons, anaesthetists and the administrator; refuses nurses and physiotherapists (403)", async () => {
    for (const actor of [team.reception, team.surgeon, team.anaesthetist, admin])
      expect((await list(actor)).status, actor.role).toBe(200);
    for (const actor of [team.nurse, team.physio]) expect((await list(actor)).status, actor.role).toBe(403);
    await signInAs(prisma, null);
    expect((await callRoute("get", "/api/v1/waiting-list", {})).status).toBe(401);
  });

  it("refuses a malformed query with 400 and the field's path", async () => {
    const cases: [string, string][] = [
      ["?priority=P5", "priority"],
      ["?surgeonId=someone", "surgeonId"],
      ["?limit=0", "limit"],
      ["?limit=201", "limit"],
      ["?limit=ten", "limit"],
      ["?cursor=not-a-cursor", "cursor"],
      // Another list's cursor (the audit trail's) is not this list's key.
      [`?cursor=${encodeCursor({ id: "12" })}`, "cursor"],
      [`?cursor=${encodeCursor({ priority: "P9", listedOn: "2026-01-01", caseId: c.urgent!.caseId })}`, "cursor"],
    ];
    for (const [query, path] of cases) {
      const response = await list(team.reception, query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const body = (await response.json()) as { errors: { path: string }[] };
      expect(
        body.errors.map((e) => e.path),
        query,
      ).toEqual([path]);
    }
  });

  it("audits each page as one list read naming its patients", async () => {
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const { items } = await page(team.anaesthetist, "?limit=3");
    const rows = await prisma.auditEvent.findMany({ where: { id: { gt: before }, actorId: team.anaesthetist.id } });
    expect(rows.map((r) => [r.action, r.itemCount])).toEqual([["waiting_list.read", 3]]);
    expect(rows[0]!.patientIds).toEqual(items.map((i) => i.patient.id));
  });
});

/** A CSV line's MRN (the quoted name before it holds a comma). */
const mrnOf = (line: string) => /,(P\d+),/.exec(line)?.[1];

describe("GET /api/v1/waiting-list.csv", () => {
  it("exports every row of the filters in list order as CSV, a name that looks like a formula kept as text, audited", async () => {
    const formula = await listed(team, { priority: "P4", listedOn: dayFromToday(0), familyName: "=HYPERLINK(1)" });
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    await signInAs(prisma, team.reception);
    const response = await callRoute("get", "/api/v1/waiting-list.csv", {}, "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="waiting-list.csv"');
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      "Priority,Patient,MRN,Listed on,Days waiting,Breach date,Priority due,Assessment valid until,Admission,Arthroscopy booked (UTC)",
    );
    expect(lines.at(-1)).toBe("");
    const rows = lines.slice(1, -1);
    const { items } = await page(team.reception);
    expect(rows).toHaveLength(items.length);
    expect(rows.map(mrnOf)).toEqual(items.map((i) => i.patient.mrn));
    const urgent = items[0]!;
    expect(rows[0]).toBe(
      `P1,"${urgent.patient.name}",${urgent.patient.mrn},${urgent.listedOn},3,${urgent.breachOn},${urgent.priorityDueOn},,,`,
    );
    expect(rows.at(-1)).toMatch(/^P4,"'=HYPERLINK\(1\), Waiting",/);
    const audit = await prisma.auditEvent.findMany({ where: { id: { gt: before }, actorId: team.reception.id } });
    expect(audit.filter((r) => r.action === "waiting_list.export").flatMap((r) => r.patientIds)).toEqual(
      expect.arrayContaining([...items.map((i) => i.patient.id), formula.patientId]),
    );
    await cancelCase(team.surgeon, formula.caseId, { reason: "Listed in error" }, now());
  });

  it("exports only the filtered rows, and refuses a bad filter (400) and other roles (403)", async () => {
    await signInAs(prisma, admin);
    const response = await callRoute("get", "/api/v1/waiting-list.csv", {}, "?priority=P2");
    const mrns = (await response.text()).split("\r\n").slice(1, -1).map(mrnOf);
    const { items } = await page(admin, "?priority=P2");
    expect(mrns).toEqual(items.map((i) => i.patient.mrn));
    const bad = await callRoute("get", "/api/v1/waiting-list.csv", {}, "?priority=urgent");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(["priority"]);
    await signInAs(prisma, team.nurse);
    expect((await callRoute("get", "/api/v1/waiting-list.csv", {}, "")).status).toBe(403);
  });
});
