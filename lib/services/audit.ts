import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";

type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string;
  patientId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
};

/**
 * Records who did what to which record, inside the caller's transaction: one row per entry,
 * naming the entry's patient (if any) in `patientId` and `patientIds` alike, so "who saw this
 * patient" finds single-patient events and list reads the same way. For a list, use
 * `recordListRead`: one row whatever the number of items.
 */
export async function recordAudit(tx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = new Date();
  const rows = entries.map(
    (entry) =>
      Prisma.sql`(${at}, ${actor.id}::uuid, ${entry.action}, ${entry.entity}, ${entry.entityId ?? null},
        ${entry.patientId ?? null}::uuid, ${entry.patientId ? [entry.patientId] : []}::uuid[],
        ${entry.detail === undefined ? null : JSON.stringify(entry.detail)}::jsonb)`,
  );
  // In SQL: Prisma finds no cached plan for a write whose data holds an array and compiles it on
  // every call (3-5 ms of CPU per audit row against 1 ms for this statement, bench:api profile).
  await tx.$executeRaw`INSERT INTO audit_event (at, actor_id, action, entity, entity_id, patient_id, patient_ids, detail)
    VALUES ${Prisma.join(rows)}`;
}

/**
 * Records what a patient did or saw through their own page, inside the caller's transaction: as
 * `recordAudit`, with the patient as the actor (`actor_patient_id`) and no staff actor.
 */
export async function recordPatientAudit(tx: Tx, patientId: string, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const at = new Date();
  const rows = entries.map(
    (entry) =>
      Prisma.sql`(${at}, ${patientId}::uuid, ${entry.action}, ${entry.entity}, ${entry.entityId ?? null},
        ${entry.patientId ?? patientId}::uuid, ${[entry.patientId ?? patientId]}::uuid[],
        ${entry.detail === undefined ? null : JSON.stringify(entry.detail)}::jsonb)`,
  );
  await tx.$executeRaw`INSERT INTO audit_event (at, actor_patient_id, action, entity, entity_id, patient_id, patient_ids, detail)
    VALUES ${Prisma.join(rows)}`;
}

/**
 * Records a list read (a page of `entity` rows shown as `action`) as ONE audit row, through `tx`
 * (the caller's transaction, or the client itself after a read that is one statement: the row
 * is written before the answer leaves, so a failed write fails the request and shows nothing): `patientIds` holds each patient of `itemPatientIds` (one entry
 * per item shown, repeats allowed) once, in order of first appearance, and `itemCount` the
 * number of items. An empty page showed no patient data and writes nothing. The write cost is
 * one row and one GIN index entry per distinct patient, however long the page.
 */
export async function recordListRead(
  tx: Tx,
  actor: Actor,
  read: { action: string; entity: string; itemPatientIds: string[] },
): Promise<void> {
  if (read.itemPatientIds.length === 0) return;
  // In SQL, as recordAudit is.
  await tx.$executeRaw`INSERT INTO audit_event (at, actor_id, action, entity, patient_ids, item_count)
    VALUES (${new Date()}, ${actor.id}::uuid, ${read.action}, ${read.entity},
            ${[...new Set(read.itemPatientIds)]}::uuid[], ${read.itemPatientIds.length})`;
}
