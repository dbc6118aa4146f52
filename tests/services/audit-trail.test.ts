// The audit trail at scale: a list read writes one audit row naming every patient it showed,
// whatever the page size, and "who saw this patient" finds that row.
import { randomUUID } from "node:crypto";
import { Client } from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { bookAppointment } from "@/lib/services/appointments";
import { listAuditEvents } from "@/lib/services/audit-trail";
import { listAppointments } from "@/lib/services/calendar";
import { listCases } from "@/lib/services/cases";
import { searchPatients } from "@/lib/services/patients";
import { dressingRound } from "@/lib/services/dressing-round";
import { recoveryBoard } from "@/lib/services/recovery-board";
import { dayFromToday, siteAt, today } from "../setup/clock";
import { createActor, testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
let admin: Actor;

beforeAll(async () => {
  const clinic = await createClinic(prisma);
  team = clinic.team;
  admin = clinic.staff.admin;
});

/** The audit rows `actor` wrote while `run` ran, oldest first. */
async function auditedWhile(actor: Actor, run: () => Promise<unknown>) {
  const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  const result = await run();
  const rows = await prisma.auditEvent.findMany({
    where: { id: { gt: before }, actorId: actor.id },
    orderBy: { id: "asc" },
  });
  return { result, rows };
}

/** Patients with one family name of their own, registered straight into the table (no audit row). */
async function patientsNamed(count: number) {
  const familyName = `Listed${randomUUID().slice(0, 8)}`;
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await prisma.patient.create({
      data: {
        givenName: `P${String(i).padStart(3, "0")}`,
        familyName,
        birthDate: new Date("1980-01-01T00:00:00Z"),
        sex: "female",
      },
    });
    ids.push(row.id);
  }
  return { familyName, ids };
}

describe("a list read", () => {
  it("writes one audit row naming every patient of the page, whatever the page size", async () => {
    const { familyName, ids } = await patientsNamed(30);
    for (const limit of [1, 5, 30]) {
      const { result, rows } = await auditedWhile(team.reception, () =>
        searchPatients(team.reception, { q: familyName, limit }),
      );
      const shown = (result as Awaited<ReturnType<typeof searchPatients>>).items.map((p) => p.id);
      expect(shown).toEqual(ids.slice(0, limit));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        action: "patient.search",
        entity: "patient",
        entityId: null,
        patientId: null,
        patientIds: shown,
        itemCount: limit,
      });
    }
  });

  it("an empty page shows no patient and writes no audit row", async () => {
    const { rows } = await auditedWhile(team.reception, () =>
      searchPatients(team.reception, { q: `Nobody${randomUUID().slice(0, 8)}`, limit: 10 }),
    );
    expect(rows).toEqual([]);
  });

  it("never answers without its audit row: when the row cannot be written, the search, calendar, case list and recovery board fail", async () => {
    const { familyName } = await patientsNamed(2);
    const refused = await createActor(prisma, "surgeon");
    // A trigger (as the tables' owner) that refuses this one actor's audit rows, as a full disk would.
    const owner = new Client({ connectionString: inject("ownerUrl") });
    await owner.connect();
    const name = `refuse_audit_${refused.id.replace(/-/g, "")}`;
    await owner.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.actor_id = '${refused.id}' THEN RAISE EXCEPTION 'audit refused'; END IF; RETURN NEW; END $$`);
    await owner.query(`CREATE TRIGGER ${name} BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    try {
      await expect(searchPatients(refused, { q: familyName, limit: 10 })).rejects.toThrow(/audit refused/);
      const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
      const { patientId } = await prisma.clinicalCase.findUniqueOrThrow({ where: { id: caseId } });
      await expect(listCases(refused, { patientId, limit: 10 })).rejects.toThrow(/audit refused/);
      const start = siteAt(0, 15);
      await bookAppointment(
        team.nurse,
        { caseId, kind: "dressing", start: start.toISOString(), homeVisit: true },
        siteAt(0, 0),
      );
      const period = { from: siteAt(0, 0).toISOString(), to: siteAt(1, 0).toISOString() };
      await expect(listAppointments(refused, { patientId, ...period, limit: 10 })).rejects.toThrow(/audit refused/);
      await expect(recoveryBoard(refused)).rejects.toThrow(/audit refused/);
      // The same reads by someone else are answered: the refusal was the audit row's alone.
      expect((await listAppointments(team.nurse, { patientId, ...period, limit: 10 })).items).toHaveLength(1);
    } finally {
      await owner.query(`DROP TRIGGER ${name} ON audit_event`);
      await owner.query(`DROP FUNCTION ${name}()`);
      await owner.end();
    }
  });

  it("the calendar, the case list, the recovery board and the dressing round each write one row", async () => {
    const a = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const b = await caseAt(team, "operated", { operatedDaysAgo: 4 });
    for (const [i, { caseId }] of [a, b].entries()) {
      await bookAppointment(
        team.nurse,
        { caseId, kind: "dressing", start: siteAt(0, 9 + i).toISOString(), homeVisit: true },
        siteAt(0, 0),
      );
    }
    const reads: [Actor, string, () => Promise<unknown>][] = [
      [
        team.nurse,
        "appointment.read",
        () =>
          listAppointments(team.nurse, {
            from: siteAt(0, 0).toISOString(),
            to: siteAt(1, 0).toISOString(),
            clinicianId: team.nurse.id,
            limit: 50,
          }),
      ],
      [team.surgeon, "case.list", () => listCases(team.surgeon, { status: "operated", limit: 100 })],
      [team.surgeon, "recovery.read", () => recoveryBoard(team.surgeon)],
      [team.nurse, "dressing.round", () => dressingRound(team.nurse, today())],
    ];
    for (const [actor, action, read] of reads) {
      const { rows, result } = await auditedWhile(actor, read);
      expect(
        rows.map((r) => r.action),
        action,
      ).toEqual([action]);
      const [row] = rows;
      if (action === "case.list") {
        // The shared database holds other tests' operated cases, so a and b need not be on this
        // page: the row names exactly the patients the page shows.
        const shown = (result as Awaited<ReturnType<typeof listCases>>).items.map((c) => c.patient.id);
        expect(shown.length, action).toBeGreaterThan(0);
        expect(new Set(row!.patientIds), action).toEqual(new Set(shown));
      } else {
        expect(row!.patientIds, action).toEqual(expect.arrayContaining([a.patientId, b.patientId]));
      }
      expect(new Set(row!.patientIds).size, `${action}: each patient named once`).toBe(row!.patientIds.length);
      expect(row!.itemCount, action).toBeGreaterThanOrEqual(row!.patientIds.length);
    }
  });
});

describe("who saw this patient", () => {
  it("finds a patient seen only through a list read, by id and by MRN, newest first, page by page", async () => {
    const { familyName, ids } = await patientsNamed(3);
    const seen = ids[1]!;
    const { mrn } = await prisma.patient.findUniqueOrThrow({ where: { id: seen } });
    const other = await createActor(prisma, "surgeon");
    await searchPatients(team.reception, { q: familyName, limit: 10 });
    await searchPatients(other, { q: familyName, limit: 2 });
    await searchPatients(team.reception, { q: familyName, limit: 1 }); // shows ids[0] only

    const byId = await listAuditEvents({ patientId: seen, limit: 10 });
    expect(byId.items.map((e) => [e.actorId, e.action, e.itemCount])).toEqual([
      [other.id, "patient.search", 2],
      [team.reception.id, "patient.search", 3],
    ]);
    expect(byId.items[0]).toMatchObject({ patientId: null, patientIds: ids.slice(0, 2), entityId: null });
    expect(byId.nextCursor).toBeNull();
    expect(await listAuditEvents({ mrn, limit: 10 })).toEqual(byId);

    const first = await listAuditEvents({ patientId: seen, limit: 1 });
    const second = await listAuditEvents({ patientId: seen, limit: 1, cursor: first.nextCursor! });
    expect([...first.items, ...second.items]).toEqual(byId.items);
    expect(second.nextCursor).toBeNull();
  });

  it("still finds single-patient events, named in patientId and patientIds", async () => {
    const { caseId, patientId } = await caseAt(team, "referred");
    const { items } = await listAuditEvents({ patientId, actorId: team.reception.id, limit: 50 });
    expect(items.map((e) => [e.action, e.patientId, e.patientIds, e.itemCount])).toEqual([
      ["case.create", patientId, [patientId], null],
      ["patient.create", patientId, [patientId], null],
    ]);
    expect(items[0]!.entityId).toBe(caseId);
  });

  it("an unknown MRN finds nothing", async () => {
    expect(await listAuditEvents({ mrn: "P9999999999", limit: 10 })).toEqual({ items: [], nextCursor: null });
  });

  it("a period filter keeps only the events inside it", async () => {
    const { familyName, ids } = await patientsNamed(1);
    await searchPatients(admin, { q: familyName, limit: 5 });
    const inside = await listAuditEvents({
      patientId: ids[0],
      from: siteAt(-1, 0).toISOString(),
      to: siteAt(2, 0).toISOString(),
      limit: 5,
    });
    expect(inside.items.map((e) => e.actorId)).toEqual([admin.id]);
    const later = await listAuditEvents({ patientId: ids[0], from: `${dayFromToday(2)}T00:00:00Z`, limit: 5 });
    expect(later.items).toEqual([]);
  });
});
