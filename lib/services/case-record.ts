// Loading a case for a command: the row is locked for the transaction, so two commands on one
// case run one after the other and each sees what the other wrote.
import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import type { CaseDecision, CaseMove } from "@/lib/domain/case-decision";
import { canMove, type CaseStatus } from "@/lib/domain/case-status";
import { isDecidedMove, type CaseSnapshot } from "@/lib/domain/pathway";
import { policiesOf, type ClinicPolicies } from "@/lib/domain/policies";
import { ruleCatalogue, type Violation } from "@/lib/domain/rules";
import { dayOf, type Day } from "@/lib/domain/time";
import { notFound, ruleViolation } from "@/lib/domain/errors";
import { recordAudit } from "./audit";

const caseInclude = {
  patient: true,
  site: true,
  imaging: { orderBy: { performedOn: "asc" }, include: { recordedBy: { select: { name: true } } } },
  injections: { orderBy: { performedOn: "asc" }, include: { recordedBy: { select: { name: true } } } },
  courses: { orderBy: { startedOn: "asc" } },
  listing: {
    include: {
      surgeon: { select: { name: true } },
      priorityChanges: { orderBy: { id: "asc" }, include: { by: { select: { name: true } } } },
    },
  },
  assessments: { orderBy: { assessedOn: "asc" }, include: { anaesthetist: { select: { name: true } } } },
  operation: { include: { surgeon: { select: { name: true } } } },
  carePlan: true,
  clearances: true,
  transitions: { orderBy: { id: "asc" }, include: { by: { select: { name: true } } } },
} as const;

/** Locks the case row until the transaction ends: commands on one case run one after another. */
export async function lockCase(tx: Tx, caseId: string): Promise<void> {
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM clinical_case WHERE id = ${caseId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("The case");
}

export async function loadCase(tx: Tx, caseId: string) {
  const row = await tx.clinicalCase.findUnique({ where: { id: caseId }, include: caseInclude });
  if (!row) throw notFound("The case");
  return row;
}
export type CaseRow = Awaited<ReturnType<typeof loadCase>>;

export function snapshotOf(row: CaseRow): CaseSnapshot {
  return {
    status: row.status,
    imaging: row.imaging.map((i) => ({
      performedOn: dayOfColumn(i.performedOn),
      supportsDiagnosis: i.supportsDiagnosis,
    })),
    injections: row.injections.map((i) => ({ performedOn: dayOfColumn(i.performedOn), painRelieved: i.painRelieved })),
    courses: row.courses.map((c) => ({
      id: c.id,
      startedOn: dayOfColumn(c.startedOn),
      outcome: c.outcome,
      reviewedOn: c.reviewedOn ? dayOfColumn(c.reviewedOn) : null,
    })),
    listing: row.listing ? { listedOn: dayOfColumn(row.listing.listedOn) } : null,
    assessments: row.assessments.map((a) => ({
      assessedOn: dayOfColumn(a.assessedOn),
      anaesthesiaType: a.anaesthesiaType,
      homeSupport: a.homeSupport,
    })),
    operation: row.operation ? { operationDay: dayOfColumn(row.operation.operationDay) } : null,
    crutchesWeanedOn: row.carePlan?.crutchesWeanedOn ? dayOfColumn(row.carePlan.crutchesWeanedOn) : null,
    clearances: row.clearances.map((c) => ({ activity: c.activity, sport: c.sport })),
  };
}

/** A violated rule as the `rule` error the API answers (its ID as the code, its text in `extra.rule`). */
export const refusal = (v: Violation) => ruleViolation(v.rule, v.message, ruleCatalogue[v.rule]);

/**
 * Moves the case (locked by the caller, `move` decided on what it holds) as the pathway decided
 * and records who, when and why. Only a decision of the domain is a CaseMove (PW-3: a case moves
 * only along the pathway); a copy of a decision, a move the state machine forbids, or one decided
 * on another status than the case's would be a defect, thrown as such (a plain Error, a 500) and
 * never written.
 */
export async function moveCase(tx: Tx, actor: Actor, caseId: string, move: CaseMove) {
  if (!isDecidedMove(move)) throw new Error("A case may move only by a decision of the pathway.");
  const { from, to, reason } = move;
  if (!canMove(from, to)) throw new Error(`The pathway decided a move the state machine forbids: ${from} -> ${to}.`);
  // Compare and set: the move was decided on `from`, so it applies only to a case still in it.
  const moved = await tx.clinicalCase.updateMany({
    where: { id: caseId, status: from },
    data: { status: to, statusChangedAt: new Date() },
  });
  if (moved.count !== 1) throw new Error(`The case is not "${from}", the status its move was decided on.`);
  await tx.caseTransition.create({ data: { caseId, fromStatus: from, toStatus: to, byId: actor.id, reason } });
}

type CommandContext = {
  tx: Tx;
  row: CaseRow;
  snapshot: CaseSnapshot;
  today: Day;
  now: Date;
  policies: ClinicPolicies;
};
type CommandPlan<T> = {
  decision: CaseDecision;
  write: () => Promise<T>;
  audit: { action: string; entity: string; entityId?: (result: T) => string };
};

/**
 * Runs one command on a case in one transaction: lock the case, ask the domain, write what the
 * command records, move the case and record why, audit. A refusal throws a `rule` error with the rule's ID
 * before anything is written.
 */
export async function runCaseCommand<T>(
  actor: Actor,
  caseId: string,
  now: Date,
  plan: (context: CommandContext) => CommandPlan<T>,
): Promise<{ result: T; status: CaseStatus }> {
  return db().$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const row = await loadCase(tx, caseId);
    const context = {
      tx,
      row,
      snapshot: snapshotOf(row),
      today: dayOf(now, row.site.timeZone),
      now,
      policies: policiesOf(row.site.policies),
    };
    const { decision, write, audit } = plan(context);
    if (!decision.ok) throw refusal(decision.violation);
    const result = await write();
    let status = row.status;
    if (decision.to) {
      await moveCase(tx, actor, caseId, decision);
      status = decision.to;
    }
    await recordAudit(tx, actor, [
      { action: audit.action, entity: audit.entity, entityId: audit.entityId?.(result), patientId: row.patientId },
    ]);
    return { result, status };
  });
}
