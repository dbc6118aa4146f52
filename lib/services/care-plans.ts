// The post-operative plan as a record another system reads (the FHIR CarePlan): the plan, its
// dressing visits, physiotherapy sessions, crutch-weaning review and clearances (SX-6, PO-1,
// PO-3, PO-4, PO-6), with the appointments that book them. Read and audited as the /api/v1 plan is.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/generated/client";
import { earliestClearance, milestoneActivities, type Activity } from "@/lib/domain/care-plan";
import type { CaseStatus } from "@/lib/domain/case-status";
import { notFound } from "@/lib/domain/errors";
import type { Day } from "@/lib/domain/time";
import type { DressingStatus } from "@/lib/domain/vocabulary";
import { isoDate, uuid } from "@/lib/schemas/common";
import { recordAudit, recordListRead } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";

/** A booked appointment (the latest still booked) of a visit or session. */
type Booked = { id: string; startsAt: Date } | null;

/** One case's post-operative plan with everything recorded against it; days are site calendar days. */
export type CarePlanRecord = {
  caseId: string;
  patientId: string;
  patientName: string;
  caseStatus: CaseStatus;
  side: "left" | "right";
  operationDay: Day;
  createdAt: Date;
  /** The surgeon who recorded the operation, which generated the plan (SX-6). */
  surgeonId: string | null;
  instructions: string[];
  /** PO-3: each visit by due day, its row's status and its booked appointment. */
  dressings: { id: string; dueOn: Day; status: DressingStatus; booked: Booked }[];
  /** PO-1: the review window and the weaning, when recorded. */
  crutchReview: { from: Day; to: Day; weanedOn: Day | null; weanedBy: string | null };
  /** PO-4: each session by number, with its earliest day and the day it is due by. */
  physio: {
    id: string;
    number: number;
    earliestOn: Day;
    dueBy: Day;
    status: "planned" | "done" | "cancelled";
    booked: Booked;
  }[];
  /** PO-6: cycling, swimming and running from their earliest day, with the clearance when recorded. */
  milestones: { activity: Activity; earliestOn: Day; cleared: { on: Day; by: string } | null }[];
  /** PO-6: other sports, cleared on the day the clinician set. */
  otherClearances: { sport: string; on: Day; by: string }[];
};

const booked = {
  where: { status: "booked" },
  orderBy: { startsAt: "desc" },
  take: 1,
  select: { id: true, startsAt: true },
} as const;

const include = {
  patient: { select: { givenName: true, familyName: true } },
  carePlan: true,
  operation: { select: { surgeonId: true } },
  dressings: { orderBy: { dueOn: "asc" }, include: { appointments: booked } },
  physio: { orderBy: { number: "asc" }, include: { appointments: booked } },
  clearances: { orderBy: [{ clearedOn: "asc" }, { id: "asc" }] },
} satisfies Prisma.ClinicalCaseInclude;

type Row = Prisma.ClinicalCaseGetPayload<{ include: typeof include }>;

const bookedOf = (appointments: { id: string; startsAt: Date }[]): Booked => appointments[0] ?? null;

function present(row: Row): CarePlanRecord {
  const plan = row.carePlan!;
  const d0 = dayOfColumn(plan.operationDay);
  return {
    caseId: row.id,
    patientId: row.patientId,
    patientName: `${row.patient.givenName} ${row.patient.familyName}`,
    caseStatus: row.status,
    side: row.side,
    operationDay: d0,
    createdAt: plan.createdAt,
    surgeonId: row.operation?.surgeonId ?? null,
    instructions: Array.isArray(plan.instructions) ? plan.instructions.map(String) : [],
    dressings: row.dressings.map((d) => ({
      id: d.id,
      dueOn: dayOfColumn(d.dueOn),
      status: d.status,
      booked: bookedOf(d.appointments),
    })),
    crutchReview: {
      from: dayOfColumn(plan.crutchReviewFrom),
      to: dayOfColumn(plan.crutchReviewTo),
      weanedOn: plan.crutchesWeanedOn ? dayOfColumn(plan.crutchesWeanedOn) : null,
      weanedBy: plan.crutchesWeanedBy,
    },
    physio: row.physio.map((p) => ({
      id: p.id,
      number: p.number,
      earliestOn: dayOfColumn(p.earliestOn),
      dueBy: dayOfColumn(p.dueBy),
      status: p.status,
      booked: bookedOf(p.appointments),
    })),
    milestones: milestoneActivities.map((activity) => {
      const clearance = row.clearances.find((c) => c.activity === activity);
      return {
        activity,
        earliestOn: earliestClearance(d0, activity),
        cleared: clearance ? { on: dayOfColumn(clearance.clearedOn), by: clearance.clearedBy } : null,
      };
    }),
    otherClearances: row.clearances
      .filter((c) => c.activity === "other")
      .map((c) => ({ sport: c.sport ?? "other", on: dayOfColumn(c.clearedOn), by: c.clearedBy })),
  };
}

async function loadPlans(tx: Tx, caseIds: string[]): Promise<CarePlanRecord[]> {
  const rows = await tx.clinicalCase.findMany({ where: { id: { in: caseIds }, carePlan: { isNot: null } }, include });
  const byId = new Map(rows.map((row) => [row.id, present(row)]));
  return caseIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The post-operative plan of case `caseId` (the edge asks `case.readClinical`, as
 * GET /api/v1/cases/{id}/care-plan does). Throws `not_found` for an unknown case or one whose
 * operation is not recorded. One audit row (`case.care_plan.read`, entity care_plan).
 */
export async function readCarePlanRecord(actor: Actor, caseId: string): Promise<CarePlanRecord> {
  return db().$transaction(async (tx) => {
    const [plan] = await loadPlans(tx, [caseId]);
    if (!plan) throw notFound("The post-operative plan");
    await recordAudit(tx, actor, [
      { action: "case.care_plan.read", entity: "care_plan", entityId: caseId, patientId: plan.patientId },
    ]);
    return plan;
  });
}

const planCursor = z.strictObject({ operationDay: isoDate, caseId: uuid });

/**
 * Post-operative plans, of patient `search.patientId` when given (every case of that patient),
 * `page.limit` per page in (operation day, case id) order after `page.cursor`. One list-read
 * audit row per page (`case.care_plan.read`, naming the page's patients). Throws `invalid` at
 * `cursor` for a cursor this search did not return.
 */
export async function searchCarePlanRecords(
  actor: Actor,
  search: { patientId?: string },
  page: { limit: number; cursor?: string },
): Promise<{ items: CarePlanRecord[]; nextCursor: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor, planCursor) : null;
  return db().$transaction(async (tx) => {
    const keys = await tx.carePlan.findMany({
      where: {
        ...(search.patientId ? { case: { patientId: search.patientId } } : {}),
        ...(after
          ? {
              OR: [
                { operationDay: { gt: dateColumn(after.operationDay) } },
                { operationDay: dateColumn(after.operationDay), caseId: { gt: after.caseId } },
              ],
            }
          : {}),
      },
      orderBy: [{ operationDay: "asc" }, { caseId: "asc" }],
      take: page.limit + 1,
      select: { caseId: true, operationDay: true },
    });
    const shown = keys.slice(0, page.limit);
    const items = await loadPlans(
      tx,
      shown.map((k) => k.caseId),
    );
    await recordListRead(tx, actor, {
      action: "case.care_plan.read",
      entity: "care_plan",
      itemPatientIds: items.map((p) => p.patientId),
    });
    const last = shown.at(-1);
    return {
      items,
      nextCursor:
        keys.length > page.limit && last
          ? encodeCursor({ operationDay: dayOfColumn(last.operationDay), caseId: last.caseId })
          : null,
    };
  });
}
