// The operation notes (SX-5) as another system reads them: the arthroscopy, who performed it and
// where, read under the clinical record's policy and audited as the case that shows them in
// /api/v1 is (one "case.read" per operation, one "case.list" per page).
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { notFound } from "@/lib/domain/errors";
import type { Side } from "@/lib/domain/vocabulary";
import { uuid } from "@/lib/schemas/common";
import { recordAudit, recordListRead } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";

type Named = { id: string; name: string };

/** One recorded operation. */
export type OperationNote = {
  id: string;
  caseId: string;
  patient: Named;
  /** The operated ankle (the case's side). */
  side: Side;
  /** When it was performed (ISO 8601 instant). */
  performedAt: string;
  /** The procedure as the surgeon recorded it (SX-5). */
  procedure: string;
  anaesthesiaGiven: "locoregional" | "general" | "spinal";
  anaesthesiaChangeReason: string | null;
  findings: string;
  surgeon: Named;
  /**
   * The anaesthetist and theatre of the arthroscopy appointment the operation attended (the
   * operation marks it attended); null for an operation recorded without one.
   */
  theatre: { anaesthetist: Named | null; room: Named | null } | null;
};

const named = { select: { id: true, name: true } } as const;

const operationSelect = {
  id: true,
  caseId: true,
  performedAt: true,
  procedure: true,
  anaesthesiaGiven: true,
  anaesthesiaChangeReason: true,
  findings: true,
  surgeon: named,
  case: {
    select: {
      patientId: true,
      side: true,
      patient: { select: { givenName: true, familyName: true } },
      appointments: {
        where: { kind: "arthroscopy", status: "booked", attendance: "attended" },
        select: { startsAt: true, anaesthetist: named, room: named },
      },
    },
  },
} as const satisfies Prisma.OperationSelect;

type OperationRow = Prisma.OperationGetPayload<{ select: typeof operationSelect }>;

function presentOperation(row: OperationRow): OperationNote {
  const distance = (startsAt: Date) => Math.abs(startsAt.getTime() - row.performedAt.getTime());
  // The attended arthroscopy nearest the operation's time: the one it took place in.
  const [attended] = [...row.case.appointments].sort((a, b) => distance(a.startsAt) - distance(b.startsAt));
  return {
    id: row.id,
    caseId: row.caseId,
    patient: { id: row.case.patientId, name: `${row.case.patient.givenName} ${row.case.patient.familyName}` },
    side: row.case.side,
    performedAt: row.performedAt.toISOString(),
    procedure: row.procedure,
    anaesthesiaGiven: row.anaesthesiaGiven,
    anaesthesiaChangeReason: row.anaesthesiaChangeReason,
    findings: row.findings,
    surgeon: row.surgeon,
    theatre: attended ? { anaesthetist: attended.anaesthetist, room: attended.room } : null,
  };
}

/**
 * Operation `operationId`, audited as the clinical read of its case ("case.read", entity
 * "operation"). The caller has checked `case.readClinical`. Throws `not_found` when there is none.
 */
export async function getOperation(actor: Actor, operationId: string): Promise<OperationNote> {
  return db().$transaction(async (tx) => {
    const row = await tx.operation.findUnique({ where: { id: operationId }, select: operationSelect });
    if (!row) throw notFound("The operation");
    await recordAudit(tx, actor, [
      { action: "case.read", entity: "operation", entityId: row.id, patientId: row.case.patientId },
    ]);
    return presentOperation(row);
  });
}

const operationCursor = z.strictObject({ id: uuid });

/**
 * Operations, of the patient `search.patientId` only when given (through clinical_case's
 * patient_id index and operation's unique case_id), `limit` per page in operation id order after
 * `cursor`, fetched one over; audited as one list read ("case.list", entity "operation") naming
 * the patients on the page. Throws `invalid` at `cursor` for a cursor this search did not return.
 */
export async function searchOperations(
  actor: Actor,
  search: { patientId?: string },
  page: { limit: number; cursor?: string },
): Promise<{ items: OperationNote[]; nextCursor: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor, operationCursor) : null;
  const rows = await db().operation.findMany({
    where: {
      ...(search.patientId ? { case: { patientId: search.patientId } } : {}),
      ...(after ? { id: { gt: after.id } } : {}),
    },
    orderBy: { id: "asc" },
    take: page.limit + 1,
    select: operationSelect,
  });
  const items = rows.slice(0, page.limit);
  await recordListRead(db(), actor, {
    action: "case.list",
    entity: "operation",
    itemPatientIds: items.map((r) => r.case.patientId),
  });
  const last = items.at(-1);
  return {
    items: items.map(presentOperation),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}
