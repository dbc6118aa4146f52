// Every read of patient data is audited: each GET endpoint of the OpenAPI document (so a new
// one cannot be forgotten), the post-operative series preview, and every staff page, called as
// each role allowed to, must write an audit row naming the actor and the patient.
import { callRoute, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isAllowed, roles, type Role } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { endpoints, type Endpoint } from "@/lib/http/endpoints";
import { openApiDocument } from "@/lib/http/openapi";
import { bookAppointment } from "@/lib/services/appointments";
import { issuePortalLink } from "@/lib/services/portal/links";
import { getPatient } from "@/lib/services/patients";
import { newPortalToken } from "@/lib/services/portal/access";
import { testDatabase } from "../setup/db";
import { dayFromToday, now, siteAt, today } from "../setup/clock";
import { caseAt, createClinic } from "../setup/pathway";
import { createRooms } from "../setup/scheduling";
import { walkCase } from "@/prisma/demo-cases";

const prisma = testDatabase();
let staff: Record<Role, Actor>;
let fixture: {
  patientId: string;
  caseId: string;
  appointmentId: string;
  mrn: string;
  familyName: string;
  givenName: string;
  birthDate: string;
  theatreId: string;
};

beforeAll(async () => {
  const clinic = await createClinic(prisma);
  const team = clinic.team;
  staff = clinic.staff;
  // Operated two days ago: a dressing is due today (D2), booked on the nurse's round.
  const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
  const appointment = await bookAppointment(
    team.nurse,
    { caseId, kind: "dressing", start: siteAt(0, 9).toISOString(), homeVisit: true },
    siteAt(0, 0),
  );
  // The same patient's other ankle, assessed and booked in theatre tomorrow: the theatre list names them.
  const [theatre] = await createRooms(prisma, team.reception, "theatre");
  const other = await walkCase(team, patientId, "assessed", { now: now(), side: "right" });
  await bookAppointment(team.reception, {
    caseId: other.caseId,
    kind: "arthroscopy",
    start: siteAt(1, 9).toISOString(),
    admission: "inpatient",
  });
  // A name no other test's patient comes close to: the duplicate check then finds this patient
  // on its first page, however many look-alike patients other test files registered meanwhile.
  await prisma.patient.update({
    where: { id: patientId },
    data: { givenName: "Audit", familyName: `Fixture${randomUUID().slice(0, 8)}` },
  });
  // A third case, assessed and not booked: the patient waits on the list (WL-3) and is offered
  // freed theatre time (WL-4).
  await walkCase(team, patientId, "assessed", { now: now(), side: "right" });
  // The patient asked, on their own page, to move the dressing: reception's list of requests names them.
  const link = await prisma.portalLink.create({
    data: {
      patientId,
      tokenHash: newPortalToken().tokenHash,
      createdAt: now(),
      createdById: team.reception.id,
      expiresAt: siteAt(30, 0),
    },
  });
  // Requested long ago: the oldest open request, on the list's first page whatever other files add.
  await prisma.appointmentMoveRequest.create({
    data: {
      appointmentId: appointment.id,
      patientId,
      portalLinkId: link.id,
      note: "Afternoons suit me",
      requestedAt: new Date("2000-01-01T09:00:00Z"),
    },
  });
  // A link to the patient's own page: its list names the patient.
  await issuePortalLink(team.reception, patientId, (token) => `http://clinic.test/portal/${token}`);
  const patient = await getPatient(team.reception, patientId);
  // A message to the patient that could not be sent: the outbox names them.
  await prisma.message.create({
    data: {
      patientId,
      channel: "sms",
      kind: "reminder",
      recipient: "07700 900123",
      body: "A reminder",
      sendAfter: now(),
      createdAt: now(),
      status: "failed",
      attempts: 8,
      failedAt: now(),
    },
  });
  fixture = {
    patientId,
    caseId,
    appointmentId: appointment.id,
    mrn: patient.mrn,
    familyName: patient.familyName,
    givenName: patient.givenName,
    birthDate: patient.birthDate,
    theatreId: theatre!.id,
  };
});

/** Audit rows naming the patient (alone or among a list's) written by the actor while `run` ran. */
async function auditedWhile(actor: Actor, run: () => Promise<unknown>) {
  const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  const result = await run();
  const rows = await prisma.auditEvent.findMany({
    where: { id: { gt: before }, actorId: actor.id, patientIds: { has: fixture.patientId } },
  });
  return { result, rows };
}

/** GET endpoints that carry no patient data: staff, rooms, hours, policies, metrics, counts (route templates). */
const noPatientData = new Set([
  "/api/health",
  "/api/metrics",
  "/api/v1/staff",
  "/api/v1/rooms",
  "/api/v1/staff/{id}/hours",
  "/api/v1/rooms/{id}/hours",
  "/api/v1/policies",
  "/api/v1/waiting-list/summary",
  // Outcome figures: counts, quartiles and shares; case ids (never a name) for the surgeon.
  "/api/v1/analytics/outcomes",
  "/api/v1/analytics/outcomes.csv",
  "/api/v1/analytics/compliance.csv",
  "/api/v1/analytics/stage-waits.csv",
]);

/**
 * Figures for everyone allowed, and the cases behind them, named, only for roles that read the
 * clinical record: audited for those roles, and nothing to audit for the others.
 */
const namesOnlyForClinicalRoles = new Set(["/api/v1/analytics/compliance"]);

/** How to ask each patient-data GET endpoint about the fixture's patient. */
const requests: Record<string, () => { params: Record<string, string>; query: string }> = {
  "/api/v1/patients": () => ({ params: {}, query: `?q=${fixture.mrn}` }),
  "/api/v1/patients/duplicates": () => ({
    params: {},
    query: `?${new URLSearchParams({ givenName: fixture.givenName, familyName: fixture.familyName, birthDate: fixture.birthDate })}`,
  }),
  "/api/v1/patients/{id}": () => ({ params: { id: fixture.patientId }, query: "" }),
  "/api/v1/patients/{id}/portal-links": () => ({ params: { id: fixture.patientId }, query: "" }),
  "/api/v1/cases": () => ({ params: {}, query: `?patientId=${fixture.patientId}` }),
  "/api/v1/cases/{id}": () => ({ params: { id: fixture.caseId }, query: "" }),
  "/api/v1/cases/{id}/care-plan": () => ({ params: { id: fixture.caseId }, query: "" }),
  "/api/v1/cases/{id}/activity-returns": () => ({ params: { id: fixture.caseId }, query: "" }),
  "/api/v1/cases/{id}/complications": () => ({ params: { id: fixture.caseId }, query: "" }),
  "/api/v1/cases/{id}/appointments.ics": () => ({ params: { id: fixture.caseId }, query: "" }),
  "/api/v1/cases/{id}/outcomes": () => ({ params: { id: fixture.caseId }, query: "" }),
  "/api/v1/appointments": () => ({ params: {}, query: `?patientId=${fixture.patientId}` }),
  "/api/v1/appointments/{id}": () => ({ params: { id: fixture.appointmentId }, query: "" }),
  "/api/v1/appointments/slots": () => ({ params: {}, query: `?caseId=${fixture.caseId}&kind=physio&from=${today()}` }),
  "/api/v1/appointments/{id}/slots": () => ({ params: { id: fixture.appointmentId }, query: `?from=${today()}` }),
  "/api/v1/theatre-lists/candidates": () => ({
    params: {},
    query: `?${new URLSearchParams({ roomId: fixture.theatreId, start: siteAt(3, 9).toISOString(), end: siteAt(3, 10, 30).toISOString() })}`,
  }),
  "/api/v1/dressing-round": () => ({ params: {}, query: `?date=${today()}` }),
  "/api/v1/recovery-board": () => ({ params: {}, query: "" }),
  "/api/v1/theatre-lists": () => ({ params: {}, query: `?date=${dayFromToday(1)}` }),
  // The audit trail shows patients' names and MRNs: looking at it, or exporting it, is audited too.
  "/api/v1/audit-events": () => ({ params: {}, query: `?patientId=${fixture.patientId}` }),
  "/api/v1/audit-events.csv": () => ({ params: {}, query: `?patientId=${fixture.patientId}` }),
  // The waiting list shows names and MRNs: each page read and each export is audited.
  "/api/v1/waiting-list": () => ({ params: {}, query: "?limit=200" }),
  // The patients' requests to move an appointment name them: each page read is audited.
  "/api/v1/move-requests": () => ({ params: {}, query: "?status=open" }),
  "/api/v1/analytics/compliance": () => ({ params: {}, query: `?from=${dayFromToday(-400)}&to=${today()}` }),
  "/api/v1/waiting-list.csv": () => ({ params: {}, query: "" }),
  // The outbox names each message's patient.
  "/api/v1/messages": () => ({ params: {}, query: `?patientId=${fixture.patientId}` }),
  // The nurse's leave today would clash with the fixture's dressing visit.
  "/api/v1/staff/{id}/hour-exceptions/clashes": () => ({ params: { id: staff.nurse.id }, query: `?onDate=${today()}` }),
};

const getPaths = Object.entries(openApiDocument().paths ?? {})
  .filter(([, item]) => item?.get)
  .map(([p]) => p);
const endpointAt = (p: string, method: string) =>
  Object.values(endpoints as Record<string, Endpoint>).find((e) => e.path === p && e.method === method)!;
const allowedRoles = (e: Endpoint) => roles.filter((role) => !e.action || isAllowed(role, e.action));

describe("every read of patient data is audited", () => {
  it("knows how to ask every GET endpoint of the OpenAPI document, or knows it carries no patient data", () => {
    expect(getPaths.length).toBeGreaterThan(10);
    expect(getPaths.filter((p) => !noPatientData.has(p) && !requests[p])).toEqual([]);
  });

  for (const p of getPaths.filter((x) => !noPatientData.has(x))) {
    it(`GET ${p} writes an audit row naming the actor and the patient, for every role allowed to read it`, async () => {
      const request = requests[p]!();
      for (const role of allowedRoles(endpointAt(p, "get"))) {
        await signInAs(prisma, staff[role]);
        const { result: response, rows } = await auditedWhile(staff[role], () =>
          callRoute("get", p, request.params, request.query),
        );
        expect((response as Response).status, `${role}: ${await (response as Response).clone().text()}`).toBe(200);
        // One row per request, list or not: a list read names all its patients in one row.
        const names = !namesOnlyForClinicalRoles.has(p) || isAllowed(role, "case.readClinical");
        expect(rows.length, `${role} read ${p} ${names ? "unaudited" : "audited, though it names nobody"}`).toBe(
          names ? 1 : 0,
        );
      }
    });
  }

  it("the GET endpoints said to carry no patient data carry no patient's name, MRN or birth date", async () => {
    for (const p of getPaths.filter((x) => noPatientData.has(x) && !x.includes("{"))) {
      const [role] = allowedRoles(endpointAt(p, "get"));
      await signInAs(prisma, staff[role!]);
      const text = await (await callRoute("get", p, {})).text();
      for (const value of [fixture.mrn, fixture.familyName]) expect(text, p).not.toContain(value);
    }
  });

  it("the post-operative series preview, which returns the patient's plan dates, writes an audit row (PO-3, PO-4)", async () => {
    for (const role of ["surgeon", "nurse", "reception", "admin"] as const) {
      await signInAs(prisma, staff[role]);
      const { result: response, rows } = await auditedWhile(staff[role], () =>
        callRoute("post", "/api/v1/cases/{id}/appointment-series", { id: fixture.caseId }, "", {
          dressingTime: "10:00",
          preview: true,
        }),
      );
      const body = (await (response as Response).json()) as { items: unknown[] };
      expect(body.items.length, role).toBeGreaterThan(0);
      expect(
        rows.map((r) => [r.entityId, r.patientId]),
        `${role} previewed unaudited`,
      ).toContainEqual([fixture.caseId, fixture.patientId]);
    }
  });

  it("every staff page that shows a patient's name, MRN or birth date audits the read, for every role that may open it", async () => {
    const showing: string[] = [];
    for (const file of staffPages()) {
      const page = (await import(/* @vite-ignore */ path.join(pagesRoot, file))) as {
        default: (props: unknown) => Promise<unknown>;
      };
      const id = file.includes("patients/[id]") ? fixture.patientId : fixture.caseId;
      for (const role of roles) {
        await signInAs(prisma, staff[role]);
        const { result, rows } = await auditedWhile(staff[role], () =>
          page
            .default({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) })
            .catch((error: unknown) => {
              if (isRedirect(error)) return null; // this role may not open the page
              throw error;
            }),
        );
        if (result === null || !showsPatient(result)) continue;
        showing.push(`${file} as ${role}`);
        expect(rows.length, `${file} shows the patient to ${role} unaudited`).toBeGreaterThan(0);
      }
    }
    // The pages that read on the server themselves: the test would pass vacuously without them.
    expect(showing).toEqual(
      expect.arrayContaining(["patients/[id]/page.tsx as reception", "cases/[id]/plan/page.tsx as nurse"]),
    );
  });
});

const pagesRoot = path.resolve(import.meta.dirname, "../../app/(staff)");

/** Every page of the staff workspaces, relative to app/(staff). */
const staffPages = () =>
  readdirSync(pagesRoot, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "page.tsx")
    .map((f) => f.split(path.sep).join("/"))
    .sort();

const isRedirect = (error: unknown) =>
  error instanceof Error && String((error as { digest?: unknown }).digest ?? "").startsWith("NEXT_REDIRECT");

/** Whether a page's element tree (with the props it hands to client components) holds the patient's identity. */
function showsPatient(tree: unknown): boolean {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(tree, (_key, value: unknown) => {
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) return undefined;
      seen.add(value);
    }
    return value;
  });
  return [fixture.mrn, fixture.familyName, fixture.familyName.toUpperCase()].some((v) => text.includes(v));
}
