// Recording the operation's outcome besides pain: the day the patient resumed each activity
// (OC-2) and complications (OC-3), with their readouts and the complications a dressing visit
// with signs of infection offers the surgeon. Each use case is one transaction on the locked case.
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { checkActivityReturn, checkComplication, returnReadout } from "@/lib/domain/outcome-records";
import { daysBetween, dayOf, type Day } from "@/lib/domain/time";
import type { ActivityReturnInput, ComplicationInput, ComplicationOffer } from "@/lib/schemas/outcome-records";
import { recordAudit } from "./audit";
import { lockCase, refusal } from "./case-record";
import { notFound } from "@/lib/domain/errors";

const outcomeInclude = {
  site: { select: { timeZone: true } },
  operation: { select: { operationDay: true } },
  clearances: { select: { activity: true, clearedOn: true } },
  activityReturns: { orderBy: { resumedOn: "asc" as const } },
  complications: { orderBy: [{ occurredOn: "asc" as const }, { recordedAt: "asc" as const }] },
  dressingRecords: {
    where: { woundState: "signs_of_infection" as const },
    orderBy: { recordedAt: "asc" as const },
    select: { id: true, dressingVisit: { select: { dueOn: true } } },
  },
};

async function loadOutcomeCase(tx: Tx, caseId: string) {
  const row = await tx.clinicalCase.findUnique({ where: { id: caseId }, include: outcomeInclude });
  if (!row) throw notFound("The case");
  return row;
}
type OutcomeCase = Awaited<ReturnType<typeof loadOutcomeCase>>;

/** The names of the staff who recorded `rows`, by id. */
async function namesOf(tx: Tx, rows: { recordedById: string }[]) {
  const staff = await tx.staff.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.recordedById))] } },
    select: { id: true, name: true },
  });
  return new Map(staff.map((s) => [s.id, s.name]));
}

type ReturnRow = OutcomeCase["activityReturns"][number];
function presentReturn(row: ReturnRow, operationDay: Day, names: Map<string, string>) {
  const resumedOn = dayOfColumn(row.resumedOn);
  return {
    id: row.id,
    activity: row.activity,
    sport: row.sport,
    resumedOn,
    previousLevel: row.previousLevel,
    recordedBy: names.get(row.recordedById) ?? "",
    recordedAt: row.recordedAt.toISOString(),
    ...returnReadout(operationDay, row.activity, resumedOn),
  };
}

type ComplicationRow = OutcomeCase["complications"][number];
function presentComplication(row: ComplicationRow, operationDay: Day, names: Map<string, string>) {
  const occurredOn = dayOfColumn(row.occurredOn);
  return {
    id: row.id,
    occurredOn,
    kind: row.kind,
    grade: row.grade,
    notes: row.notes,
    dressingRecordId: row.dressingRecordId,
    dayAfterOperation: daysBetween(operationDay, occurredOn),
    recordedBy: names.get(row.recordedById) ?? "",
    recordedAt: row.recordedAt.toISOString(),
  };
}

/** OC-3: each dressing visit with signs of infection whose complication is not recorded yet, oldest first. */
function offersOf(row: OutcomeCase): ComplicationOffer[] {
  const raised = new Set(row.complications.map((c) => c.dressingRecordId));
  return row.dressingRecords
    .filter((r) => !raised.has(r.id))
    .map((r) => ({ dressingRecordId: r.id, visitOn: dayOfColumn(r.dressingVisit.dueOn), kind: "wound_infection" }));
}

/**
 * OC-2: records the day the patient resumed `input.activity` (`sport`: their own, named), by a
 * surgeon or physiotherapist (the endpoint's policy). Answers the return with its days from the
 * operation against the leaflet's timetable (`returnReadout`). Throws NOT_FOUND for an unknown
 * case and a rule error OC-2 (nothing written) as `checkActivityReturn` decides. Audited.
 */
export async function recordActivityReturn(actor: Actor, caseId: string, input: ActivityReturnInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const row = await loadOutcomeCase(tx, caseId);
    const operationDay = row.operation ? dayOfColumn(row.operation.operationDay) : null;
    const refused = checkActivityReturn(
      {
        operationDay,
        clearances: row.clearances.map((c) => ({ activity: c.activity, clearedOn: dayOfColumn(c.clearedOn) })),
        recorded: row.activityReturns.map((r) => r.activity),
      },
      input,
      dayOf(now, row.site.timeZone),
    );
    if (refused) throw refusal(refused);
    const created = await tx.activityReturn.create({
      data: {
        caseId,
        activity: input.activity,
        sport: input.sport ?? null,
        resumedOn: dateColumn(input.resumedOn),
        previousLevel: input.previousLevel ?? null,
        recordedById: actor.id,
        recordedAt: now,
      },
    });
    await recordAudit(tx, actor, [
      { action: "outcome.return.record", entity: "activity_return", entityId: created.id, patientId: row.patientId },
    ]);
    return presentReturn(created, operationDay!, new Map([[actor.id, actor.name]]));
  });
}

/**
 * OC-3: records a complication by a surgeon (the endpoint's policy), optionally naming the
 * dressing record it was raised from. Throws NOT_FOUND for an unknown case and a rule error
 * OC-3 (nothing written) as `checkComplication` decides. Audited.
 */
export async function recordComplication(actor: Actor, caseId: string, input: ComplicationInput, now = new Date()) {
  return db().$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const row = await loadOutcomeCase(tx, caseId);
    const operationDay = row.operation ? dayOfColumn(row.operation.operationDay) : null;
    const source = input.dressingRecordId
      ? await tx.dressingRecord.findUnique({ where: { id: input.dressingRecordId }, select: { caseId: true } })
      : null;
    const refused = checkComplication(
      {
        operationDay,
        recorded: row.complications.map((c) => ({ kind: c.kind, occurredOn: dayOfColumn(c.occurredOn) })),
        ...(input.dressingRecordId
          ? {
              dressingRecord: {
                ofCase: source?.caseId === caseId,
                complicationRecorded: row.complications.some((c) => c.dressingRecordId === input.dressingRecordId),
              },
            }
          : {}),
      },
      input,
      dayOf(now, row.site.timeZone),
    );
    if (refused) throw refusal(refused);
    const created = await tx.complication.create({
      data: {
        caseId,
        occurredOn: dateColumn(input.occurredOn),
        kind: input.kind,
        grade: input.grade,
        notes: input.notes ?? null,
        dressingRecordId: input.dressingRecordId ?? null,
        recordedById: actor.id,
        recordedAt: now,
      },
    });
    await recordAudit(tx, actor, [
      { action: "outcome.complication.record", entity: "complication", entityId: created.id, patientId: row.patientId },
    ]);
    return presentComplication(created, operationDay!, new Map([[actor.id, actor.name]]));
  });
}

/** OC-2: the case's recorded returns, each against the timetable, oldest first. NOT_FOUND for an unknown case. Audited. */
export async function listActivityReturns(actor: Actor, caseId: string) {
  return db().$transaction(async (tx) => {
    const row = await loadOutcomeCase(tx, caseId);
    await recordAudit(tx, actor, [
      { action: "outcome.return.read", entity: "clinical_case", entityId: caseId, patientId: row.patientId },
    ]);
    if (!row.operation) return { items: [] };
    const operationDay = dayOfColumn(row.operation.operationDay);
    const names = await namesOf(tx, row.activityReturns);
    return { items: row.activityReturns.map((r) => presentReturn(r, operationDay, names)) };
  });
}

/**
 * OC-3: the case's complications, oldest first, and the complication each dressing visit with
 * signs of infection offers while none is recorded from it. NOT_FOUND for an unknown case. Audited.
 */
export async function listComplications(actor: Actor, caseId: string) {
  return db().$transaction(async (tx) => {
    const row = await loadOutcomeCase(tx, caseId);
    await recordAudit(tx, actor, [
      { action: "outcome.complication.read", entity: "clinical_case", entityId: caseId, patientId: row.patientId },
    ]);
    if (!row.operation) return { items: [], offers: [] };
    const operationDay = dayOfColumn(row.operation.operationDay);
    const names = await namesOf(tx, row.complications);
    return {
      items: row.complications.map((c) => presentComplication(c, operationDay, names)),
      offers: offersOf(row),
    };
  });
}
