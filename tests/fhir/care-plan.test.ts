// GET /fhir/R4/CarePlan/{id} and /fhir/R4/CarePlan?subject= through the route handlers: the
// post-operative plan (SX-6) with the domain's days (PO-1, PO-3, PO-4, PO-6), statuses that follow
// the record, valid FHIR R4 (tests/setup/fhir.ts), read under the policy and audit of
// GET /api/v1/cases/{id}/care-plan.
import { signInAs } from "../setup/routes";
import { entriesOf, expectRefusedSearches, fhirGet, relativeOf } from "../setup/fhir";
import { randomUUID } from "node:crypto";
import type { Bundle, CarePlan, CarePlanActivity, OperationOutcome } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { earliestClearance, generateCarePlan } from "@/lib/domain/care-plan";
import { policiesOf } from "@/lib/domain/policies";
import { carePlanActivitySystem, plannedActivityReference } from "@/lib/fhir/care-plan";
import { bookAppointment } from "@/lib/services/appointments";
import { dischargeCase, recordClearance, recordCrutchWeaning } from "@/lib/services/case-commands";
import { recordDressing } from "@/lib/services/recovery";
import { walkCase } from "@/prisma/demo-cases";
import { testDatabase } from "../setup/db";
import { dayFromToday, now, siteAt, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
let admin: Actor;

beforeAll(async () => {
  ({
    team,
    staff: { admin },
  } = await createClinic(prisma));
});

/** The plan the domain generates for an operation `days` ago, under the test site's policies. */
async function domainPlan(days: number) {
  const site = await prisma.staff.findUniqueOrThrow({ where: { id: team.surgeon.id }, include: { site: true } });
  return generateCarePlan(dayFromToday(-days), policiesOf(site.site.policies));
}

const codeOf = (a: CarePlanActivity) => a.detail?.code?.coding?.[0]?.code;
const ofKind = (plan: CarePlan, code: string) => (plan.activity ?? []).filter((a) => codeOf(a) === code);
const bookedIn = (a: CarePlanActivity) =>
  a.extension?.find((e) => e.url === plannedActivityReference)?.valueReference?.reference;

describe("CarePlan read", () => {
  it("answers the plan with the domain's days for dressings, crutch review, physiotherapy and clearances, and audits the read", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 3 });
    const expected = await domainPlan(3);
    await signInAs(prisma, team.nurse);
    const before = await prisma.auditEvent.count({ where: { entityId: caseId, action: "case.care_plan.read" } });
    const { status, body } = await fhirGet<CarePlan>(`CarePlan/${caseId}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      resourceType: "CarePlan",
      id: caseId,
      status: "active",
      intent: "plan",
      subject: { reference: `Patient/${patientId}` },
      addresses: [{ reference: `Condition/${caseId}` }],
      period: { start: dayFromToday(-3) },
      author: { reference: `Practitioner/${team.surgeon.id}` },
    });
    expect(body.note?.map((n) => n.text)).toContain("No cast or splint is needed after this operation.");
    expect(body.activity?.every((a) => a.detail?.code?.coding?.[0]?.system === carePlanActivitySystem)).toBe(true);

    const dressings = ofKind(body, "dressing-visit");
    expect(dressings.map((a) => a.detail!.scheduledPeriod)).toEqual(
      expected.dressings.map((day) => ({ start: day, end: day })),
    );
    expect(dressings.every((a) => a.detail!.kind === "Appointment")).toBe(true);
    expect(ofKind(body, "crutch-weaning-review").map((a) => a.detail!.scheduledPeriod)).toEqual([
      { start: expected.crutchWeaningReview.from, end: expected.crutchWeaningReview.to },
    ]);
    expect(ofKind(body, "physiotherapy-session").map((a) => a.detail!.scheduledPeriod)).toEqual(
      expected.physio.map((s) => ({ start: s.earliestOn, end: s.dueBy })),
    );
    for (const activity of ["cycling", "swimming", "running"] as const)
      expect(ofKind(body, `clearance-${activity}`).map((a) => [a.detail!.status, a.detail!.scheduledPeriod])).toEqual([
        ["not-started", { start: earliestClearance(dayFromToday(-3), activity) }],
      ]);
    expect(await prisma.auditEvent.count({ where: { entityId: caseId, action: "case.care_plan.read" } })).toBe(
      before + 1,
    );
  });

  it("schedules a booked dressing with its Appointment, completes it when recorded, and cancels the rest when the wound healed (PO-3)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const appointment = await bookAppointment(
      team.nurse,
      { caseId, kind: "dressing", start: siteAt(0, 7, 30).toISOString(), homeVisit: true },
      siteAt(0, 0),
    );
    await signInAs(prisma, team.surgeon);
    const dueToday = async () => {
      const { body } = await fhirGet<CarePlan>(`CarePlan/${caseId}`);
      const dressings = ofKind(body, "dressing-visit");
      return { today: dressings.find((a) => a.detail!.scheduledPeriod!.start === today())!, rest: dressings.slice(1) };
    };
    const booked = await dueToday();
    expect(booked.today.detail!.status).toBe("scheduled");
    expect(bookedIn(booked.today)).toBe(`Appointment/${appointment.id}`);
    expect(booked.rest.map((a) => [a.detail!.status, bookedIn(a)])).toEqual(
      booked.rest.map(() => ["not-started", undefined]),
    );

    await recordDressing(team.nurse, appointment.id, { woundState: "healed" }, siteAt(0, 23, 59));
    const healed = await dueToday();
    expect(healed.today.detail!.status).toBe("completed");
    expect(healed.rest.length).toBeGreaterThan(0);
    expect(healed.rest.every((a) => a.detail!.status === "cancelled" && a.detail!.statusReason?.text)).toBe(true);
  });

  it("completes the crutch review and a clearance with their days and clinicians, and completes the plan at discharge (PO-1, PO-6)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 25 });
    const cyclingFrom = earliestClearance(dayFromToday(-25), "cycling");
    await recordCrutchWeaning(team.physio, caseId, { recordedOn: dayFromToday(-13) });
    await recordClearance(team.physio, caseId, { activity: "cycling", clearedOn: cyclingFrom });
    await recordClearance(team.surgeon, caseId, { activity: "other", sport: "Ballet", clearedOn: today() });
    await signInAs(prisma, team.physio);
    const { body } = await fhirGet<CarePlan>(`CarePlan/${caseId}`);
    expect(body.status).toBe("active");
    const [crutches] = ofKind(body, "crutch-weaning-review");
    expect(crutches!.detail!.status).toBe("completed");
    expect(crutches!.progress?.[0]).toMatchObject({
      time: dayFromToday(-13),
      authorReference: { reference: `Practitioner/${team.physio.id}` },
    });
    const [cycling] = ofKind(body, "clearance-cycling");
    expect(cycling!.detail!.status).toBe("completed");
    expect(cycling!.progress?.[0]?.time).toBe(cyclingFrom);
    expect(ofKind(body, "clearance-running")[0]!.detail!.status).toBe("not-started");
    expect(ofKind(body, "clearance-other").map((a) => [a.detail!.code!.text, a.progress?.[0]?.time])).toEqual([
      ["Return to Ballet", today()],
    ]);

    await dischargeCase(team.surgeon, caseId, { dischargedOn: today() });
    expect((await fhirGet<CarePlan>(`CarePlan/${caseId}`)).body.status).toBe("completed");
  });

  it("answers 404 for a case whose operation is not recorded and for an unknown id", async () => {
    const { caseId } = await caseAt(team, "listed");
    await signInAs(prisma, team.surgeon);
    for (const id of [caseId, randomUUID()]) {
      const { status, body } = await fhirGet<OperationOutcome>(`CarePlan/${id}`);
      expect(status).toBe(404);
      expect(body.issue[0]!.code).toBe("not-found");
    }
  });

  it("answers 403 to reception and the administrator, who may not read the clinical record, and audits nothing", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 4 });
    for (const actor of [team.reception, admin]) {
      await signInAs(prisma, actor);
      for (const path of [`CarePlan/${caseId}`, `CarePlan?subject=${patientId}`]) {
        const { status, body } = await fhirGet<OperationOutcome>(path);
        expect(status, path).toBe(403);
        expect(body.issue[0]!.code).toBe("forbidden");
      }
    }
    expect(
      await prisma.auditEvent.count({ where: { patientIds: { has: patientId }, action: "case.care_plan.read" } }),
    ).toBe(0);
  });
});

describe("CarePlan search", () => {
  it("finds every plan of a patient by subject or patient, pages them in operation-day order, one audit row per page", async () => {
    const { caseId: left, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 30 });
    const { caseId: right } = await walkCase(team, patientId, "operated", {
      now: now(),
      operatedDaysAgo: 5,
      side: "right",
    });
    await caseAt(team, "operated", { operatedDaysAgo: 5 }); // another patient's plan
    await signInAs(prisma, team.anaesthetist);
    const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;

    const first = await fhirGet<Bundle>(`CarePlan?subject=Patient/${patientId}&_count=1`);
    expect(first.status).toBe(200);
    expect(entriesOf<CarePlan>(first.body).map((p) => p.id)).toEqual([left]);
    const next = first.body.link?.find((l) => l.relation === "next")?.url;
    const second = await fhirGet<Bundle>(relativeOf(next!));
    expect(entriesOf<CarePlan>(second.body).map((p) => [p.id, p.title])).toEqual([
      [right, "Post-operative plan: right posterior ankle arthroscopy"],
    ]);
    expect(second.body.link?.some((l) => l.relation === "next")).toBe(false);
    const rows = await prisma.auditEvent.findMany({
      where: { id: { gt: before }, actorId: team.anaesthetist.id },
      orderBy: { id: "asc" },
    });
    expect(rows.map((r) => [r.action, r.entity, r.patientIds, r.itemCount])).toEqual([
      ["case.care_plan.read", "care_plan", [patientId], 1],
      ["case.care_plan.read", "care_plan", [patientId], 1],
    ]);

    const byPatient = await fhirGet<Bundle>(`CarePlan?patient=${patientId}`);
    expect(entriesOf<CarePlan>(byPatient.body).map((p) => p.id)).toEqual([left, right]);
    const other = await caseAt(team, "referred");
    const mismatch = await fhirGet<Bundle>(`CarePlan?subject=${patientId}&patient=${other.patientId}`);
    expect(entriesOf(mismatch.body)).toEqual([]);
    const none = await fhirGet<Bundle>(`CarePlan?subject=${other.patientId}`);
    expect(entriesOf(none.body)).toEqual([]);
  });

  it("answers 400 OperationOutcome naming the parameter for an unsupported parameter or a malformed value", async () => {
    await signInAs(prisma, team.nurse);
    await expectRefusedSearches("CarePlan?", [
      ["subject=not-an-id", "subject"],
      ["subject=Practitioner/" + randomUUID(), "subject"],
      ["date=ge2026-01-01", "date"],
      ["subject:missing=true", "subject:missing"],
      ["_count=500", "_count"],
      ["_cursor=nonsense", "_cursor"],
    ]);
  });
});
