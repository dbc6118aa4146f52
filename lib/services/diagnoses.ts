// The case as the diagnosis it is about (posterior ankle impingement of one ankle): what another
// system needs to state the condition, read under the clinical record's policy and audited as
// the case is in /api/v1 (one "case.read" per case, one "case.list" per page).
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/generated/client";
import type { CaseStatus } from "@/lib/domain/case-status";
import { notFound } from "@/lib/domain/errors";
import type { Day } from "@/lib/domain/time";
import type { Side } from "@/lib/domain/vocabulary";
import { uuid } from "@/lib/schemas/common";
import { recordAudit, recordListRead } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";

/** One case as a diagnosis. */
export type CaseDiagnosis = {
  caseId: string;
  patient: { id: string; name: string };
  side: Side;
  status: CaseStatus;
  /** The referral's calendar day (site zone). */
  referredOn: Day;
  /**
   * DX-3: the day of the first imaging study that supported the diagnosis or diagnostic injection
   * that relieved the pain, whichever came first; null while neither is recorded.
   */
  confirmedOn: Day | null;
  /** When and why the pathway was cancelled (the transition's instant, its reason, who), or null. */
  cancellation: { at: string; reason: string; byId: string } | null;
};

const diagnosisSelect = {
  id: true,
  patientId: true,
  side: true,
  status: true,
  referredOn: true,
  patient: { select: { givenName: true, familyName: true } },
  imaging: {
    where: { supportsDiagnosis: true },
    select: { performedOn: true },
    orderBy: { performedOn: "asc" },
    take: 1,
  },
  injections: {
    where: { painRelieved: true },
    select: { performedOn: true },
    orderBy: { performedOn: "asc" },
    take: 1,
  },
  transitions: { where: { toStatus: "cancelled" }, select: { at: true, reason: true, byId: true }, take: 1 },
} as const satisfies Prisma.ClinicalCaseSelect;

type DiagnosisRow = Prisma.ClinicalCaseGetPayload<{ select: typeof diagnosisSelect }>;

function presentDiagnosis(row: DiagnosisRow): CaseDiagnosis {
  const confirming = [...row.imaging, ...row.injections].map((r) => dayOfColumn(r.performedOn)).sort();
  const cancelled = row.transitions[0];
  return {
    caseId: row.id,
    patient: { id: row.patientId, name: `${row.patient.givenName} ${row.patient.familyName}` },
    side: row.side,
    status: row.status,
    referredOn: dayOfColumn(row.referredOn),
    confirmedOn: confirming[0] ?? null,
    cancellation: cancelled ? { at: cancelled.at.toISOString(), reason: cancelled.reason, byId: cancelled.byId } : null,
  };
}

/**
 * Case `caseId` as a diagnosis, audited as the clinical read of the case ("case.read"). The caller
 * has checked `case.readClinical`. Throws `not_found` when there is no such case.
 */
export async function getDiagnosis(actor: Actor, caseId: string): Promise<CaseDiagnosis> {
  return db().$transaction(async (tx) => {
    const row = await tx.clinicalCase.findUnique({ where: { id: caseId }, select: diagnosisSelect });
    if (!row) throw notFound("The case");
    await recordAudit(tx, actor, [
      { action: "case.read", entity: "clinical_case", entityId: row.id, patientId: row.patientId },
    ]);
    return presentDiagnosis(row);
  });
}

/** What a diagnosis search may name; every one given must hold. */
export type DiagnosisSearch = {
  /** The patient's cases only (uses clinical_case's patient_id index). */
  patientId?: string;
  /** Cases in one of these states only; an empty list matches nothing. */
  statuses?: CaseStatus[];
};

const diagnosisCursor = z.strictObject({ id: uuid });

/**
 * Cases matching `search` as diagnoses, `limit` per page in case id order after `cursor` (from a
 * previous page), fetched one over to know whether a next page exists; audited as one list read
 * ("case.list") naming the patients on the page. Throws `invalid` at `cursor` for a cursor this
 * search did not return.
 */
export async function searchDiagnoses(
  actor: Actor,
  search: DiagnosisSearch,
  page: { limit: number; cursor?: string },
): Promise<{ items: CaseDiagnosis[]; nextCursor: string | null }> {
  const after = page.cursor ? decodeCursor(page.cursor, diagnosisCursor) : null;
  const rows = await db().clinicalCase.findMany({
    where: {
      patientId: search.patientId,
      ...(search.statuses ? { status: { in: search.statuses } } : {}),
      ...(after ? { id: { gt: after.id } } : {}),
    },
    orderBy: { id: "asc" },
    take: page.limit + 1,
    select: diagnosisSelect,
  });
  const items = rows.slice(0, page.limit);
  await recordListRead(db(), actor, {
    action: "case.list",
    entity: "clinical_case",
    itemPatientIds: items.map((r) => r.patientId),
  });
  const last = items.at(-1);
  return {
    items: items.map(presentDiagnosis),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ id: last.id }) : null,
  };
}
