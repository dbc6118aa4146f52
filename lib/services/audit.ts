import type { Actor } from "@/lib/auth/actor";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { AuditEventView, AuditQuery } from "@/lib/schemas/audit";
import { decodeCursor, encodeCursor } from "./cursor";

type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string;
  patientId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
};

/** Records who did what to which patient, inside the caller's transaction. */
export async function recordAudit(tx: Tx, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({
    data: entries.map((entry) => ({
      actorId: actor.id,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      patientId: entry.patientId ?? null,
      detail: entry.detail ?? undefined,
    })),
  });
}

// Audit ids are PostgreSQL bigints: a positive whole number below 2^63, checked before BigInt().
const auditCursor = z.strictObject({
  id: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, { abort: true })
    .refine((id) => BigInt(id) < 2n ** 63n),
});

export async function listAuditEvents(
  query: AuditQuery,
): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  const before = query.cursor ? decodeCursor(query.cursor, auditCursor).id : undefined;
  const rows = await db().auditEvent.findMany({
    where: {
      patientId: query.patientId,
      actorId: query.actorId,
      at: { gte: query.from ? new Date(query.from) : undefined, lt: query.to ? new Date(query.to) : undefined },
      id: before ? { lt: BigInt(before) } : undefined,
    },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { actor: { select: { name: true } } },
  });
  const items = rows.slice(0, query.limit).map((row) => ({
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actor?.name ?? null,
    action: row.action,
    patientId: row.patientId,
    entity: row.entity,
    entityId: row.entityId,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ id: last.id }) : null };
}
