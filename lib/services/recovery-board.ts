// The surgeon's recovery board: one row per operated case with all its open alerts, and the
// acknowledgement of several of a case's alerts with one note, kept as the case's history.
import type { Actor } from "@/lib/auth/actor";
import { isAllowed, mayBook } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { recoveryMilestones } from "@/lib/domain/recovery";
import { dayOf, daysBetween } from "@/lib/domain/time";
import { notFoundBecause } from "@/lib/domain/errors";
import { recordAudit, recordListRead } from "./audit";
import { lockCase } from "./case-record";
import { alertsOf, boardInclude, clearancesOf, holds } from "./recovery-alerts";

const acknowledgementInclude = {
  by: { select: { name: true } },
  alerts: { select: { alertKey: true, kind: true, message: true }, orderBy: { alertKey: "asc" as const } },
} as const;

type AcknowledgementRow = {
  id: string;
  caseId: string;
  note: string;
  at: Date;
  by: { name: string };
  alerts: { alertKey: string; kind: string; message: string }[];
};

/** An acknowledgement as the API shows it: who, when, the note, and the alerts in the words the surgeon saw. */
function presentAcknowledgement(row: AcknowledgementRow, order: string[] = []) {
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return {
    id: row.id,
    caseId: row.caseId,
    note: row.note,
    at: row.at.toISOString(),
    by: row.by.name,
    alerts: [...row.alerts]
      .sort((a, b) => rank(a.alertKey) - rank(b.alertKey))
      .map((a) => ({ key: a.alertKey, kind: a.kind, message: a.message })),
  };
}

/**
 * The surgeon acknowledges the alerts `keys` of a case with one note, all or none: every key
 * must name an alert the case raises now (derived as the board derives it), otherwise
 * `not_found` with `errors` on `keys.<index>` and nothing is written; `not_found` too for an
 * unknown case. An alert acknowledged before may be acknowledged again: each acknowledgement is
 * kept. Returns `{id, caseId, note, at, by, alerts: [{key, kind, message}]}` (alerts in board order).
 */
export async function acknowledgeAlerts(
  actor: Actor,
  caseId: string,
  input: { keys: string[]; note: string },
  now = new Date(),
) {
  return db().$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const kase = await tx.clinicalCase.findUniqueOrThrow({ where: { id: caseId }, include: boardInclude });
    const alerts = alertsOf(kase, now);
    const unknown = input.keys.flatMap((key, index) =>
      alerts.some((a) => a.key === key) ? [] : [{ path: `keys.${index}`, message: "Not an alert of this case" }],
    );
    if (unknown.length > 0) throw notFoundBecause("This case has no such alert.", { errors: unknown });
    const chosen = alerts.filter((a) => input.keys.includes(a.key));
    const row = await tx.alertAcknowledgement.create({
      data: {
        caseId,
        note: input.note,
        byId: actor.id,
        at: now,
        alerts: { create: chosen.map((a) => ({ alertKey: a.key, kind: a.kind, message: a.message })) },
      },
      include: acknowledgementInclude,
    });
    await recordAudit(tx, actor, [
      { action: "alert.acknowledge", entity: "alert_acknowledgement", entityId: row.id, patientId: kase.patientId },
    ]);
    return presentAcknowledgement(
      row,
      chosen.map((a) => a.key),
    );
  });
}

/** A case's acknowledgements, oldest first, for its page (clinical detail: the caller audits the read). */
export async function acknowledgementHistory(tx: Tx, caseId: string) {
  const rows = await tx.alertAcknowledgement.findMany({
    where: { caseId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    include: acknowledgementInclude,
  });
  return rows.map((row) => presentAcknowledgement(row));
}

/**
 * The surgeon's recovery board: one row per operated case with its day since the operation,
 * next dressing, last wound state, open (unacknowledged) alerts in board order (infection first)
 * and milestones (PO-1, PO-6: off crutches once cleared for a sport). Cases with signs of
 * infection come first, then those with other open alerts, then the rest, each group as the
 * cases last changed. One audit row naming every patient shown.
 */
export async function recoveryBoard(actor: Actor, now = new Date()) {
  // One statement, then the audit row before the answer (docs/audit.md): no interactive transaction.
  const cases = await db().clinicalCase.findMany({
    where: { status: { in: ["operated", "recovery"] } },
    include: boardInclude,
    orderBy: { statusChangedAt: "desc" },
  });
  const items = cases.flatMap((c) => {
    if (!c.carePlan) return [];
    const d0 = dayOfColumn(c.carePlan.operationDay);
    const today = dayOf(now, c.site.timeZone);
    const acknowledged = new Set(c.alertAcknowledgements.flatMap((a) => a.alerts.map((x) => x.alertKey)));
    const alerts = alertsOf(c, now)
      .filter((a) => !acknowledged.has(a.key))
      // A rebook is offered to a role that books that kind of appointment.
      .map(({ rebook, complication, ...alert }) => ({
        ...alert,
        ...(rebook && mayBook(actor.role, alert.kind === "physio" ? "physio" : "dressing") ? { rebook } : {}),
        // OC-3: the complication an infected visit raised is offered to whoever records complications.
        ...(complication && isAllowed(actor.role, "outcome.recordComplication") ? { complication } : {}),
      }));
    const next = c.dressings.find((v) => v.status === "planned" && dayOfColumn(v.dueOn) >= today);
    const lastRecord = c.dressingRecords.at(-1);
    const crutchesWeanedOn = c.carePlan.crutchesWeanedOn ? dayOfColumn(c.carePlan.crutchesWeanedOn) : null;
    return [
      {
        caseId: c.id,
        patient: {
          id: c.patientId,
          name: `${c.patient.familyName.toUpperCase()}, ${c.patient.givenName}`,
          mrn: c.patient.mrn,
        },
        side: c.side,
        operationDate: d0,
        day: daysBetween(d0, today),
        nextDressing: next
          ? { dueOn: dayOfColumn(next.dueOn), bookedAt: next.appointments.find(holds)?.startsAt.toISOString() ?? null }
          : null,
        lastWoundState: lastRecord?.woundState ?? null,
        alerts,
        milestones: recoveryMilestones(crutchesWeanedOn, clearancesOf(c)),
      },
    ];
  });
  const urgency = (item: (typeof items)[number]) =>
    item.alerts.some((a) => a.kind === "infection") ? 0 : item.alerts.length > 0 ? 1 : 2;
  items.sort((a, b) => urgency(a) - urgency(b)); // stable: each group keeps the cases' order
  await recordListRead(db(), actor, {
    action: "recovery.read",
    entity: "clinical_case",
    itemPatientIds: items.map((i) => i.patient.id),
  });
  return { items };
}
