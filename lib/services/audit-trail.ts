// Reading the audit trail: the administrator's browser, page by page, and its CSV export.
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { describeAuditAction } from "@/lib/domain/audit-actions";
import type { AuditEventView, AuditFilter, AuditQuery } from "@/lib/schemas/audit";
import { recordAudit, recordListRead } from "./audit";
import { decodeCursor, encodeCursor } from "./cursor";

// Audit ids are PostgreSQL bigints: a positive whole number below 2^63, checked before BigInt().
const auditCursor = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, { abort: true })
    .refine((id) => BigInt(id) < 2n ** 63n),
});

/** The patient an MRN (or an id) names, or null when none has it. */
async function patientWith(where: { mrn: string } | { id: string }): Promise<string | null> {
  const key = "mrn" in where ? { mrn: where.mrn.toUpperCase() } : where;
  const row = await db().patient.findUnique({ where: key, select: { id: true } });
  return row?.id ?? null;
}

type AuditRow = {
  id: bigint;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  patient_id: string | null;
  patient_name: string | null;
  patient_mrn: string | null;
  patient_ids: string[];
  item_count: number | null;
  entity: string;
  entity_id: string | null;
};

/**
 * The one patient `filter` names (by id, MRN or both), undefined for none, null when none can
 * match (no such patient: the export's audit row may only name a patient that exists).
 */
async function filteredPatient(filter: AuditFilter): Promise<string | null | undefined> {
  const patients = [
    filter.patientId ? await patientWith({ id: filter.patientId }) : undefined,
    filter.mrn ? await patientWith({ mrn: filter.mrn }) : undefined,
  ].filter((id) => id !== undefined);
  if (patients.includes(null) || new Set(patients).size > 1) return null;
  return patients[0];
}

/**
 * Up to `limit` events of `filter` older than audit id `before`, newest first, with the actor's
 * name and the patient's name and MRN. A patient's events come from the GIN index on
 * `patient_ids` of each month's partition, then are sorted: the CTE is MATERIALIZED because
 * PostgreSQL has no statistics for one uuid among 100,000 (it guesses 0.5% of rows match) and
 * would otherwise walk the whole table backwards by id looking for a rare patient's events
 * (docs/audit.md). Names are joined to the page only, after the limit.
 */
async function eventRows(
  patientId: string | undefined,
  filter: AuditFilter,
  before: bigint | undefined,
  limit: number,
) {
  const conditions = [
    patientId ? Prisma.sql`e.patient_ids @> ARRAY[${patientId}::uuid]` : null,
    filter.actorId ? Prisma.sql`e.actor_id = ${filter.actorId}::uuid` : null,
    filter.from ? Prisma.sql`e.at >= ${new Date(filter.from)}` : null,
    filter.to ? Prisma.sql`e.at < ${new Date(filter.to)}` : null,
    before ? Prisma.sql`e.id < ${before}` : null,
  ].filter((c) => c !== null);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const columns = Prisma.sql`e.id, e.at, e.actor_id, e.action, e.patient_id, e.patient_ids, e.item_count, e.entity, e.entity_id`;
  const events = patientId
    ? Prisma.sql`(WITH seen AS MATERIALIZED (SELECT ${columns} FROM audit_event e ${where}) SELECT * FROM seen e)`
    : Prisma.sql`(SELECT ${columns} FROM audit_event e ${where})`;
  return db().$queryRaw<AuditRow[]>`
    SELECT page.*, s.name AS actor_name, upper(p.family_name) || ', ' || p.given_name AS patient_name,
           p.mrn AS patient_mrn
    FROM (SELECT * FROM ${events} e ORDER BY e.id DESC LIMIT ${limit}) page
    LEFT JOIN staff s ON s.id = page.actor_id
    LEFT JOIN patient p ON p.id = page.patient_id
    ORDER BY page.id DESC`;
}

const present = (row: AuditRow): AuditEventView => ({
  id: row.id.toString(),
  at: row.at.toISOString(),
  actorId: row.actor_id,
  actorName: row.actor_name,
  action: row.action,
  description: describeAuditAction(row.action, row.item_count),
  patientId: row.patient_id,
  patientName: row.patient_name,
  patientMrn: row.patient_mrn,
  patientIds: row.patient_ids,
  itemCount: row.item_count,
  entity: row.entity,
  entityId: row.entity_id,
});

/**
 * The audit trail, newest first (by id), `query.limit` a page, resumed after `query.cursor`.
 * Filtered by patient (`patientId` or `mrn`: every event whose `patientIds` names the patient,
 * single-patient events and list reads alike), by actor and by period [`from`, `to`). An MRN no
 * patient has finds nothing; so do a `patientId` and an `mrn` naming two different patients.
 * Not audited: `browseAuditTrail` is what the API answers.
 */
export async function listAuditEvents(
  query: AuditQuery,
): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  const before = query.cursor ? BigInt(decodeCursor(query.cursor, auditCursor).id) : undefined;
  const patientId = await filteredPatient(query);
  if (patientId === null) return { items: [], nextCursor: null };
  const rows = await eventRows(patientId, query, before, query.limit + 1);
  const items = rows.slice(0, query.limit).map(present);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null };
}

/**
 * `listAuditEvents` for the administrator, audited as one `audit.read` list read naming each
 * patient whose name and MRN the page showed.
 */
export async function browseAuditTrail(actor: Actor, query: AuditQuery) {
  const page = await listAuditEvents(query);
  await recordListRead(db(), actor, {
    action: "audit.read",
    entity: "audit_event",
    itemPatientIds: page.items.flatMap((e) => (e.patientId ? [e.patientId] : [])),
  });
  return page;
}

/** The CSV export's columns, in order. */
export const exportColumns = [
  "When (UTC)",
  "Staff member",
  "Action",
  "Patient",
  "MRN",
  "Patients shown",
  "Record",
  "Record id",
];

/**
 * Every event of `filter`, newest first, for the CSV export: read 500 at a time by id (the
 * browser's indexed query), so a long export never holds the whole trail in memory. The export
 * is audited first, as one `audit.export` row with its filter (naming the filtered patient), so
 * no export leaves unrecorded. Yields each event as the export's fields.
 */
export async function* exportAuditEvents(
  actor: Actor,
  filter: AuditFilter,
): AsyncGenerator<(string | number | null)[]> {
  const patientId = await filteredPatient(filter);
  await recordAudit(db(), actor, [
    {
      action: "audit.export",
      entity: "audit_event",
      patientId: patientId ?? null,
      detail: {
        patientId: filter.patientId ?? null,
        mrn: filter.mrn ?? null,
        actorId: filter.actorId ?? null,
        from: filter.from ?? null,
        to: filter.to ?? null,
      },
    },
  ]);
  if (patientId === null) return;
  let before: bigint | undefined;
  for (;;) {
    const rows = await eventRows(patientId, filter, before, 500);
    for (const row of rows.map(present))
      yield [
        row.at,
        row.actorName,
        row.description,
        row.patientName,
        row.patientMrn,
        row.patientIds.length,
        row.entity,
        row.entityId,
      ];
    if (rows.length < 500) return;
    before = rows.at(-1)!.id;
  }
}
