import type { Actor } from "@/lib/auth/actor";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { AuditEventView, AuditQuery } from "@/lib/schemas/audit";
import { decodeCursor, encodeCursor } from "./cursor";

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

// Audit ids are PostgreSQL bigints: a positive whole number below 2^63, checked before BigInt().
const auditCursor = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, { abort: true })
    .refine((id) => BigInt(id) < 2n ** 63n),
});

/** The patient an MRN names, or null when none has it. */
async function patientWithMrn(mrn: string): Promise<string | null> {
  const row = await db().patient.findUnique({ where: { mrn: mrn.toUpperCase() }, select: { id: true } });
  return row?.id ?? null;
}

type AuditRow = {
  id: bigint;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  patient_id: string | null;
  patient_ids: string[];
  item_count: number | null;
  entity: string;
  entity_id: string | null;
};

/**
 * The audit trail, newest first (by id), `query.limit` a page, resumed after `query.cursor`.
 * Filtered by patient (`patientId` or `mrn`: every event whose `patientIds` names the patient,
 * single-patient events and list reads alike), by actor and by period [`from`, `to`). An MRN no
 * patient has finds nothing; so do a `patientId` and an `mrn` naming two different patients.
 *
 * A patient's events come from the GIN index on `patient_ids` of each month's partition, then
 * are sorted: the CTE is MATERIALIZED because PostgreSQL has no statistics for one uuid among
 * 100,000 (it guesses 0.5% of rows match) and would otherwise walk the whole table backwards
 * by id looking for a rare patient's events (docs/audit.md).
 */
export async function listAuditEvents(
  query: AuditQuery,
): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  const before = query.cursor ? decodeCursor(query.cursor, auditCursor).id : undefined;
  const patients = [query.patientId, query.mrn ? await patientWithMrn(query.mrn) : undefined].filter(
    (id) => id !== undefined,
  );
  if (patients.includes(null) || new Set(patients).size > 1) return { items: [], nextCursor: null };
  const patientId = patients[0];
  const conditions = [
    patientId ? Prisma.sql`e.patient_ids @> ARRAY[${patientId}::uuid]` : null,
    query.actorId ? Prisma.sql`e.actor_id = ${query.actorId}::uuid` : null,
    query.from ? Prisma.sql`e.at >= ${new Date(query.from)}` : null,
    query.to ? Prisma.sql`e.at < ${new Date(query.to)}` : null,
    before ? Prisma.sql`e.id < ${BigInt(before)}` : null,
  ].filter((c) => c !== null);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const columns = Prisma.sql`e.id, e.at, e.actor_id, e.action, e.patient_id, e.patient_ids, e.item_count, e.entity, e.entity_id`;
  const events = patientId
    ? Prisma.sql`(WITH seen AS MATERIALIZED (SELECT ${columns} FROM audit_event e ${where}) SELECT * FROM seen e)`
    : Prisma.sql`(SELECT ${columns} FROM audit_event e ${where})`;
  const rows = await db().$queryRaw<AuditRow[]>`
    SELECT e.*, s.name AS actor_name FROM ${events} e LEFT JOIN staff s ON s.id = e.actor_id
    ORDER BY e.id DESC LIMIT ${query.limit + 1}`;
  const items = rows.slice(0, query.limit).map((row) => ({
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    patientId: row.patient_id,
    patientIds: row.patient_ids,
    itemCount: row.item_count,
    entity: row.entity,
    entityId: row.entity_id,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null };
}
