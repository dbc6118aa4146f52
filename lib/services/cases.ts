import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isAllowed } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/generated/client";
import { caseActions } from "@/lib/domain/case-actions";
import { statusLabel } from "@/lib/domain/case-status";
import { earliestClearance, milestoneActivities, emergencyAdvice, safetyNetAdvice } from "@/lib/domain/care-plan";
import { admissionFor, assessmentStandings } from "@/lib/domain/assessment";
import { decideReferral } from "@/lib/domain/pathway";
import { policiesOf } from "@/lib/domain/policies";
import { dayOf, daysBetween } from "@/lib/domain/time";
import { notFound } from "@/lib/domain/errors";
import { clocksOf, listingView } from "./listing";
import type { CaseDetail, CaseInput, CaseListItem, CaseListQuery, CarePlanView, CaseSummary } from "@/lib/schemas/case";
import { instant, uuid } from "@/lib/schemas/common";
import { recordAudit, recordListRead } from "./audit";
import { presentPatient } from "./patient-row";
import { loadCase, refusal, snapshotOf, type CaseRow } from "./case-record";
import { caseEvents } from "./case-timeline";
import { acknowledgementHistory } from "./recovery-board";
import { decodeCursor, encodeCursor } from "./cursor";

const patientName = (p: { givenName: string; familyName: string }) => `${p.familyName.toUpperCase()}, ${p.givenName}`;

type SummaryRow = Pick<CaseRow, "id" | "side" | "status" | "referredOn" | "statusChangedAt"> & {
  patient: CaseRow["patient"];
};

function presentSummary(row: SummaryRow): CaseSummary {
  return {
    id: row.id,
    patient: {
      id: row.patient.id,
      name: patientName(row.patient),
      mrn: row.patient.mrn,
      birthDate: dayOfColumn(row.patient.birthDate),
    },
    side: row.side,
    status: row.status,
    statusLabel: statusLabel[row.status],
    referredOn: dayOfColumn(row.referredOn),
    statusChangedAt: row.statusChangedAt.toISOString(),
  };
}

async function staffSite(tx: Tx, actor: Actor) {
  const staff = await tx.staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
  return staff.site;
}

/** DX-4: a referral opens a case with its mechanism and symptoms. */
export async function createCase(actor: Actor, input: CaseInput, now = new Date()): Promise<CaseSummary> {
  return db().$transaction(async (tx) => {
    const patient = await tx.patient.findUnique({ where: { id: input.patientId } });
    if (!patient)
      throw notFound("The patient", {
        errors: [{ path: "patientId", message: "No such patient" }],
      });
    const site = await staffSite(tx, actor);
    const referredOn = input.referredOn ?? dayOf(now, site.timeZone);
    const decision = decideReferral({ referredOn }, dayOf(now, site.timeZone));
    if (!decision.ok) throw refusal(decision.violation);
    const row = await tx.clinicalCase.create({
      data: {
        patientId: patient.id,
        siteId: site.id,
        side: input.side,
        mechanism: input.mechanism,
        symptoms: input.symptoms ?? undefined,
        referredOn: dateColumn(referredOn),
        createdById: actor.id,
        transitions: { create: { toStatus: "referred", byId: actor.id, reason: decision.reason ?? "" } },
      },
      include: { patient: true },
    });
    await recordAudit(tx, actor, [
      { action: "case.create", entity: "clinical_case", entityId: row.id, patientId: patient.id },
    ]);
    return presentSummary(row);
  });
}

const caseCursor = z.strictObject({ statusChangedAt: instant, id: uuid });

/** SX-3: the assessment that applies on `today` for the worklist, or the newest when every one has expired. */
function worklistAssessment(
  row: {
    assessments: { assessedOn: Date; recordedAt: Date; asaGrade: number; homeSupport: boolean }[];
    site: { timeZone: string; policies: unknown };
  },
  now: Date,
): CaseListItem["assessment"] {
  const today = dayOf(now, row.site.timeZone);
  const all = assessmentStandings(
    row.assessments.map((a) => ({ ...a, assessedOn: dayOfColumn(a.assessedOn) })),
    today,
    policiesOf(row.site.policies),
  );
  const applies = all.find((a) => a.standing === "current") ?? all.at(-1);
  return applies
    ? {
        asaGrade: applies.asaGrade,
        admission: admissionFor(applies),
        validUntil: applies.validUntil,
        standing: applies.standing,
      }
    : null;
}

/**
 * A page of cases, most recently moved first. Clinical roles also get each case's `assessment`
 * that applies today (SX-3); reception's list carries no clinical detail. Audited as one list read.
 */
export async function listCases(actor: Actor, query: CaseListQuery, now = new Date()) {
  const clinical = isAllowed(actor.role, "case.readClinical");
  const after = query.cursor ? decodeCursor(query.cursor, caseCursor) : null;
  const where: Prisma.ClinicalCaseWhereInput = {
    status: query.status,
    patientId: query.patientId,
    ...(after
      ? {
          OR: [
            { statusChangedAt: { lt: new Date(after.statusChangedAt) } },
            { statusChangedAt: new Date(after.statusChangedAt), id: { lt: after.id } },
          ],
        }
      : {}),
  };
  const rows = await db().clinicalCase.findMany({
    where,
    orderBy: [{ statusChangedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { patient: true, site: clinical, assessments: clinical },
  });
  const page = rows.slice(0, query.limit);
  await recordListRead(db(), actor, {
    action: "case.list",
    entity: "clinical_case",
    itemPatientIds: page.map((r) => r.patientId),
  });
  const last = page.at(-1);
  return {
    items: page.map((row): CaseListItem =>
      row.site && row.assessments
        ? {
            ...presentSummary(row),
            assessment: worklistAssessment({ ...row, site: row.site, assessments: row.assessments }, now),
          }
        : presentSummary(row),
    ),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ statusChangedAt: last.statusChangedAt.toISOString(), id: last.id })
        : null,
  };
}

/**
 * The case as the actor's role may see it: clinicians get the clinical record, the admission the
 * latest assessment allows and the reasons of the history; reception the summary (demographics,
 * pathway state and history without reasons). `not_found` when there is no such case. Audited.
 */
export async function getCase(actor: Actor, caseId: string, now = new Date()): Promise<CaseDetail> {
  return db().$transaction(async (tx) => {
    const row = await loadCase(tx, caseId);
    const clinical = isAllowed(actor.role, "case.readClinical");
    await recordAudit(tx, actor, [
      {
        action: clinical ? "case.read" : "case.read_summary",
        entity: "clinical_case",
        entityId: row.id,
        patientId: row.patientId,
      },
    ]);
    const policies = policiesOf(row.site.policies);
    const today = dayOf(now, row.site.timeZone);
    const events = clinical ? await caseEvents(tx, row.id) : [];
    const acknowledgements = clinical ? await acknowledgementHistory(tx, row.id) : [];
    return {
      ...presentSummary(row),
      timeZone: row.site.timeZone,
      today,
      // Whoever could help at home after a day case (SX-4 is asked at the assessment).
      nextOfKin: presentPatient(row.patient).nextOfKin,
      // SX-4's admission comes from the anaesthesia assessment: clinical detail, not the summary's.
      ...(clinical ? { admission: row.assessments.length ? admissionFor(row.assessments.at(-1)!) : null } : {}),
      operated: row.operation !== null,
      clocks: clocksOf(row, today, policies),
      history: row.transitions.map((t) => ({
        from: t.fromStatus,
        to: t.toStatus,
        at: t.at.toISOString(),
        by: t.by.name,
        ...(clinical ? { reason: t.reason } : {}),
      })),
      clinical: clinical
        ? {
            mechanism: row.mechanism,
            symptoms: row.symptoms ?? null,
            imaging: row.imaging.map((i) => ({
              id: i.id,
              modality: i.modality,
              performedOn: dayOfColumn(i.performedOn),
              findings: i.findings,
              supportsDiagnosis: i.supportsDiagnosis,
              recordedBy: i.recordedBy.name,
            })),
            injections: row.injections.map((i) => ({
              id: i.id,
              performedOn: dayOfColumn(i.performedOn),
              guidance: i.guidance,
              painRelieved: i.painRelieved,
              recordedBy: i.recordedBy.name,
            })),
            courses: row.courses.map((c) => ({
              id: c.id,
              startedOn: dayOfColumn(c.startedOn),
              painSeverity: c.painSeverity,
              measures: c.measures,
              outcome: c.outcome,
              reviewedOn: c.reviewedOn ? dayOfColumn(c.reviewedOn) : null,
            })),
            listing: listingView(row),
            assessments: assessmentStandings(
              row.assessments.map((a) => ({ ...a, assessedOn: dayOfColumn(a.assessedOn) })),
              today,
              policies,
            ).map((a) => ({
              id: a.id,
              assessedOn: a.assessedOn,
              validUntil: a.validUntil,
              asaGrade: a.asaGrade,
              anaesthesiaType: a.anaesthesiaType,
              homeSupport: a.homeSupport,
              admission: admissionFor(a),
              standing: a.standing,
              notes: a.notes,
              anaesthetist: a.anaesthetist.name,
            })),
            operation: row.operation
              ? {
                  performedAt: row.operation.performedAt.toISOString(),
                  operationDay: dayOfColumn(row.operation.operationDay),
                  procedure: row.operation.procedure,
                  anaesthesiaGiven: row.operation.anaesthesiaGiven,
                  anaesthesiaChangeReason: row.operation.anaesthesiaChangeReason,
                  findings: row.operation.findings,
                  dischargeAnalgesia: row.operation.dischargeAnalgesia,
                  surgeon: row.operation.surgeon.name,
                }
              : null,
            acknowledgements,
            actions: caseActions(snapshotOf(row), today, policies),
            events,
          }
        : null,
    };
  });
}

export async function getCarePlan(actor: Actor, caseId: string): Promise<CarePlanView> {
  return db().$transaction(async (tx) => {
    const { patientId, plan } = await carePlanIn(tx, caseId);
    await recordAudit(tx, actor, [{ action: "case.care_plan.read", entity: "care_plan", entityId: caseId, patientId }]);
    return plan;
  });
}

/**
 * Case `caseId`'s post-operative plan, read inside `tx` and not audited (the caller audits: staff
 * or, through their own page, the patient), with the case's patient. Errors: `not_found` for an
 * unknown case, or one whose operation is not recorded yet.
 */
export async function carePlanIn(tx: Tx, caseId: string): Promise<{ patientId: string; plan: CarePlanView }> {
  const row = await tx.clinicalCase.findUnique({
    where: { id: caseId },
    include: {
      patient: true,
      carePlan: true,
      dressings: {
        orderBy: { dueOn: "asc" },
        include: { appointments: { where: { status: "booked" }, select: { id: true, startsAt: true } } },
      },
      physio: {
        orderBy: { number: "asc" },
        include: { appointments: { where: { status: "booked" }, select: { id: true, startsAt: true } } },
      },
      clearances: { orderBy: { clearedOn: "asc" } },
      operation: { select: { dischargeAnalgesia: true } },
      site: { select: { name: true, policies: true } },
    },
  });
  if (!row) throw notFound("The case");
  if (!row.carePlan) throw notFound("The post-operative plan (the operation is not recorded yet)");
  const plan = row.carePlan;
  const d0 = dayOfColumn(plan.operationDay);
  const cleared = (activity: string) => row.clearances.find((c) => c.activity === activity);
  const view: CarePlanView = {
    caseId: row.id,
    patient: { name: patientName(row.patient), mrn: row.patient.mrn },
    side: row.side,
    operationDate: d0,
    timeZone: plan.timeZone,
    dressings: row.dressings.map((d) => ({
      dueOn: dayOfColumn(d.dueOn),
      day: daysBetween(d0, dayOfColumn(d.dueOn)),
      status: d.status,
      appointmentId: d.appointments[0]?.id ?? null,
      bookedAt: d.appointments[0]?.startsAt.toISOString() ?? null,
    })),
    crutchWeaningReview: {
      from: dayOfColumn(plan.crutchReviewFrom),
      to: dayOfColumn(plan.crutchReviewTo),
      weanedOn: plan.crutchesWeanedOn ? dayOfColumn(plan.crutchesWeanedOn) : null,
    },
    physio: row.physio.map((p) => ({
      number: p.number,
      earliestOn: dayOfColumn(p.earliestOn),
      dueBy: dayOfColumn(p.dueBy),
      status: p.status,
      bookedAt: p.appointments[0]?.startsAt.toISOString() ?? null,
    })),
    milestones: milestoneActivities.map((activity) => {
      const clearance = cleared(activity);
      return {
        activity,
        earliestOn: earliestClearance(d0, activity),
        clearedOn: clearance ? dayOfColumn(clearance.clearedOn) : null,
      };
    }),
    otherClearances: row.clearances
      .filter((c) => c.activity === "other")
      .map((c) => ({ sport: c.sport ?? "", clearedOn: dayOfColumn(c.clearedOn) })),
    instructions: Array.isArray(plan.instructions) ? plan.instructions.map(String) : [],
    homeAnalgesia: row.operation?.dischargeAnalgesia ?? null,
    clinic: { name: row.site.name, phone: policiesOf(row.site.policies).clinicPhone },
    safetyNet: { callClinic: [...safetyNetAdvice], emergency: emergencyAdvice },
  };
  return { patientId: row.patientId, plan: view };
}
