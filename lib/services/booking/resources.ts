// The people, room and patient an appointment holds for its time, one appointment_resource row
// each. The exclusion constraint on those rows refuses any overlap (SC-1) under concurrency;
// when it does, the attempt's transaction ends with SlotTaken, carrying what the attempt asked
// for, and the caller answers a `conflict` (SC-1) naming the appointments in the way.
import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { isExclusionViolation } from "@/lib/db/errors";
import type { Interval } from "@/lib/domain/scheduling";
import { conflict, type DomainError } from "@/lib/domain/errors";
import type { AppointmentKind, ResourceKind } from "@/lib/domain/vocabulary";
import { formatDateTime, formatTime } from "@/lib/domain/date-format";

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

/**
 * An appointment in the way (SC-1): whose time it holds (`resource`, and `name`, the person's or
 * room's, absent for the patient), its kind and interval. Never the other patient's name: a
 * clinician's or room's clash says only what is booked then.
 */
export type Conflict = {
  appointmentId: string;
  resource: ResourceName;
  name?: string;
  kind: AppointmentKind;
  start: string;
  end: string;
};

/** The appointments in the way, and the zone of their site (to say their times in). */
export type Clash = { conflicts: Conflict[]; timeZone: string };

/** SC-1: the live appointments (other than `exceptId`) holding one of `taken.resources` during `taken.slot`. */
export async function conflictsWith(taken: SlotTaken, exceptId?: string): Promise<Clash> {
  const byId = new Map<string, ResourceName>();
  for (const [key, name] of Object.entries(resourceNames)) {
    const id = taken.resources[key as keyof Resources];
    if (id) byId.set(id, name);
  }
  const { start, end } = taken.slot;
  const rows = await db().$queryRaw<
    {
      appointment_id: string;
      resource_id: string;
      kind: AppointmentKind;
      starts_at: Date;
      ends_at: Date;
      name: string | null;
      time_zone: string;
    }[]
  >`
    SELECT ar.appointment_id, ar.resource_id, a.kind::text AS kind, a.starts_at, a.ends_at, coalesce(s.name, r.name) AS name, si.time_zone
    FROM appointment_resource ar JOIN appointment a ON a.id = ar.appointment_id JOIN site si ON si.id = a.site_id
    LEFT JOIN staff s ON s.id = ar.resource_id LEFT JOIN room r ON r.id = ar.resource_id
    WHERE ar.active AND ar.resource_id = ANY(${[...byId.keys()]}::uuid[]) AND ar.period && tstzrange(${start}, ${end})
      AND ar.appointment_id <> ${exceptId ?? "00000000-0000-0000-0000-000000000000"}::uuid
    ORDER BY a.starts_at`;
  const conflicts = rows.map((r) => {
    const resource = byId.get(r.resource_id)!;
    return {
      appointmentId: r.appointment_id,
      resource,
      ...(resource !== "patient" && r.name ? { name: r.name } : {}),
      kind: r.kind,
      start: r.starts_at.toISOString(),
      end: r.ends_at.toISOString(),
    };
  });
  return { conflicts, timeZone: rows[0]?.time_zone ?? "UTC" };
}

const kindWords = (kind: AppointmentKind) => kind.replace(/_/g, " ");

/**
 * SC-1: `conflicts` as a `conflict` saying who or what is taken and by which appointment (kind
 * and time in `timeZone`), e.g. "Mr Hart is already booked then: consultation Thu, 3 Dec 2026,
 * 11:00-11:20."
 */
export function conflictError({ conflicts, timeZone }: Clash): DomainError {
  const lines = conflicts.map((c) => {
    const when = `${kindWords(c.kind)} ${formatDateTime(c.start, timeZone)}-${formatTime(c.end, timeZone)}`;
    return c.resource === "patient"
      ? `The patient already has a ${when}.`
      : `${c.name ?? `The ${c.resource}`} is already booked then: ${when}.`;
  });
  return conflict("SC-1", lines.length ? [...new Set(lines)].join(" ") : "That time is already taken.", { conflicts });
}
