// The people, room and patient an appointment holds for its time, one appointment_resource row
// each. The exclusion constraint on those rows refuses any overlap (SC-1) under concurrency;
// when it does, the attempt's transaction ends with SlotTaken, carrying what the attempt asked
// for, and the caller answers a `conflict` (SC-1) naming the appointments in the way.
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { isExclusionViolation } from "@/lib/db/errors";
import type { Interval } from "@/lib/domain/scheduling";
import { conflict, type DomainError } from "@/lib/domain/errors";
import type { ResourceKind } from "@/lib/domain/vocabulary";

export type Resources = {
  clinicianId: string | null;
  anaesthetistId: string | null;
  roomId: string | null;
  patientId: string;
};
/** Which field of a booking holds each kind of resource (the vocabulary's `resourceKinds`). */
export const resourceNames = {
  clinicianId: "clinician",
  anaesthetistId: "anaesthetist",
  roomId: "room",
  patientId: "patient",
} as const satisfies Record<keyof Resources, ResourceKind>;
export type ResourceName = ResourceKind;

/**
 * The exclusion constraint refused `resources` at `slot` (thrown out of the transaction, which
 * rolls back). `chosen` names the ones the server chose rather than the client: another free one
 * may be tried in their place.
 */
export class SlotTaken extends Error {
  constructor(
    readonly resources: Resources,
    readonly slot: Interval,
    readonly chosen: readonly ResourceName[] = [],
  ) {
    super("The exclusion constraint refused the booking.");
  }
}

/** Runs `write`; the exclusion constraint's refusal comes out as SlotTaken for `resources` at `slot`. */
async function unlessTaken<T>(
  write: () => Promise<T>,
  resources: Resources,
  slot: Interval,
  chosen?: readonly ResourceName[],
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isExclusionViolation(error)) throw new SlotTaken(resources, slot, chosen);
    throw error;
  }
}

/** Holds `resources` for appointment `appointmentId` at `slot`; SlotTaken when one is taken then (SC-1). */
export async function holdResources(
  tx: Tx,
  appointmentId: string,
  resources: Resources,
  slot: Interval,
  chosen: readonly ResourceName[],
): Promise<void> {
  for (const [key, kind] of Object.entries(resourceNames)) {
    const id = resources[key as keyof Resources];
    if (!id) continue;
    await unlessTaken(
      () => tx.$executeRaw`INSERT INTO appointment_resource (appointment_id, resource_kind, resource_id, period)
      VALUES (${appointmentId}::uuid, ${kind}::"ResourceKind", ${id}::uuid, tstzrange(${slot.start}, ${slot.end}))`,
      resources,
      slot,
      chosen,
    );
  }
}

/** Moves what appointment `appointmentId` holds (`resources`) to `slot`; SlotTaken when one is taken then (SC-1). */
export async function moveResources(tx: Tx, appointmentId: string, resources: Resources, slot: Interval) {
  await unlessTaken(
    () =>
      tx.$executeRaw`UPDATE appointment_resource SET period = tstzrange(${slot.start}, ${slot.end}) WHERE appointment_id = ${appointmentId}::uuid`,
    resources,
    slot,
  );
}

export type Conflict = { appointmentId: string; resource: ResourceName };

/** SC-1: the live appointments (other than `exceptId`) holding one of `taken.resources` during `taken.slot`. */
export async function conflictsWith(taken: SlotTaken, exceptId?: string): Promise<Conflict[]> {
  const byId = new Map<string, ResourceName>();
  for (const [key, name] of Object.entries(resourceNames)) {
    const id = taken.resources[key as keyof Resources];
    if (id) byId.set(id, name);
  }
  const { start, end } = taken.slot;
  const rows = await db().$queryRaw<{ appointment_id: string; resource_id: string }[]>`
    SELECT appointment_id, resource_id FROM appointment_resource
    WHERE active AND resource_id = ANY(${[...byId.keys()]}::uuid[]) AND period && tstzrange(${start}, ${end})
      AND appointment_id <> ${exceptId ?? "00000000-0000-0000-0000-000000000000"}::uuid`;
  return rows.map((r) => ({ appointmentId: r.appointment_id, resource: byId.get(r.resource_id)! }));
}

/** SC-1: `conflicts` as a `conflict` naming what is taken. */
export function conflictError(conflicts: Conflict[]): DomainError {
  const taken = [...new Set(conflicts.map((c) => (c.resource === "patient" ? "the patient" : `the ${c.resource}`)))];
  return conflict(
    "SC-1",
    taken.length ? `Already booked at that time: ${taken.join(", ")}.` : "That time is already taken.",
    { conflicts },
  );
}
