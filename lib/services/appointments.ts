// Booking, moving and cancelling appointments. Each runs in one transaction with the case row
// locked; the exclusion constraint on appointment_resource refuses any overlap (SC-1), which
// comes back as 409 with the conflicting appointments.
import type { Actor } from "@/lib/auth/actor";
import { mayBook } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { isExclusionViolation, retryOnConflict } from "@/lib/db/errors";
import { admissionFor, validAssessmentFor } from "@/lib/domain/assessment";
import { decideArthroscopyBooking, decideArthroscopyCancellation } from "@/lib/domain/pathway";
import { policiesOf } from "@/lib/domain/policies";
import { violation } from "@/lib/domain/rules";
import {
  checkPathway,
  checkReason,
  checkStaffing,
  checkWithinHours,
  requirements,
  type AppointmentKind,
  type Interval,
} from "@/lib/domain/scheduling";
import { dayOf } from "@/lib/domain/time";
import { DomainError, forbidden, notFound, validationError } from "@/lib/http/errors";
import type { AppointmentInput } from "@/lib/schemas/appointment";
import { recordAudit } from "./audit";
import { roomWindows, staffWindows } from "./availability";
import { loadCase, lockCase, moveCase, refusal, snapshotOf, type CaseRow } from "./case-record";
import { whyNoSlot } from "./booking-obstacles";
import { findSlots } from "./slots";

type Resources = {
  clinicianId: string | null;
  anaesthetistId: string | null;
  roomId: string | null;
  patientId: string;
};
const resourceNames = {
  clinicianId: "clinician",
  anaesthetistId: "anaesthetist",
  roomId: "room",
  patientId: "patient",
} as const;

/** SC-1: the live appointments that overlap, as the 409 the API answers. */
async function conflictError(resources: Resources, slot: Interval, exceptId?: string): Promise<DomainError> {
  const byId = new Map<string, string>();
  for (const [key, name] of Object.entries(resourceNames)) {
    const id = resources[key as keyof Resources];
    if (id) byId.set(id, name);
  }
  const rows = await db().$queryRaw<{ appointment_id: string; resource_id: string }[]>`
    SELECT appointment_id, resource_id FROM appointment_resource
    WHERE active AND resource_id = ANY(${[...byId.keys()]}::uuid[]) AND period && tstzrange(${slot.start}, ${slot.end})
      AND appointment_id <> ${exceptId ?? "00000000-0000-0000-0000-000000000000"}::uuid`;
  const conflicts = rows.map((r) => ({ appointmentId: r.appointment_id, resource: byId.get(r.resource_id)! }));
  const taken = [...new Set(conflicts.map((c) => (c.resource === "patient" ? "the patient" : `the ${c.resource}`)))];
  return new DomainError(
    "SC-1",
    409,
    taken.length ? `Already booked at that time: ${taken.join(", ")}.` : "That time is already taken.",
    { conflicts },
  );
}

async function writeResources(tx: Tx, appointmentId: string, resources: Resources, slot: Interval) {
  for (const [key, kind] of Object.entries(resourceNames)) {
    const id = resources[key as keyof Resources];
    if (!id) continue;
    await tx.$executeRaw`INSERT INTO appointment_resource (appointment_id, resource_kind, resource_id, period)
      VALUES (${appointmentId}::uuid, ${kind}::"ResourceKind", ${id}::uuid, tstzrange(${slot.start}, ${slot.end}))`;
  }
}

/**
 * SC-2 and SC-3 for the people and room of a booking at `slot`. With `namedOnly`, the ones not
 * named yet are taken to be right: used to say why no one could be found.
 */
async function checkPeopleAndPlace(
  tx: Tx,
  kind: AppointmentKind,
  resources: Resources,
  slot: Interval,
  siteId: string,
  timeZone: string,
  namedOnly = false,
) {
  const day = dayOf(slot.start, timeZone);
  const staff = async (id: string | null) => (id ? tx.staff.findFirst({ where: { id, siteId, active: true } }) : null);
  const clinician = await staff(resources.clinicianId);
  const anaesthetist = await staff(resources.anaesthetistId);
  const room = resources.roomId
    ? await tx.room.findFirst({ where: { id: resources.roomId, siteId, active: true } })
    : null;
  const missing =
    (resources.clinicianId && !clinician) || (resources.anaesthetistId && !anaesthetist) || (resources.roomId && !room);
  if (missing)
    throw new DomainError("NOT_FOUND", 404, "A clinician or room of this booking was not found at the case's site.");
  const need = requirements[kind];
  const assumed = <T>(found: T | null, stand: T | null): T | null => found ?? (namedOnly ? stand : null);
  const staffing = checkStaffing({
    kind,
    clinician: assumed<{ role: string }>(clinician, need.clinician ? { role: need.clinician } : null),
    anaesthetist: assumed<{ role: string }>(anaesthetist, need.anaesthetist ? { role: "anaesthetist" } : null),
    room: assumed<{ kind: string }>(room, { kind: need.room }),
  });
  if (staffing) throw refusal(staffing);
  for (const person of [clinician, anaesthetist]) {
    if (!person) continue;
    const outside = checkWithinHours(
      slot,
      await staffWindows(tx, person.id, day, timeZone),
      `${person.name}'s working`,
    );
    if (outside) throw refusal(outside);
  }
  if (room) {
    const outside = checkWithinHours(slot, await roomWindows(tx, room.id, day, timeZone), `${room.name}'s opening`);
    if (outside) throw refusal(outside);
  }
}

/** A plan item named for the booking that the case does not have: 404 naming the field, not a rule about the plan. */
const notOfThisCase = (path: string, what: string) =>
  new DomainError("NOT_FOUND", 404, `This ${what} is not one of the case's.`, {
    errors: [{ path, message: `No such ${what} of this case` }],
  });

async function planLinks(tx: Tx, row: CaseRow, input: AppointmentInput, day: string) {
  if (input.kind === "dressing") {
    const visit = input.dressingVisitId
      ? await tx.dressingVisit.findFirst({ where: { id: input.dressingVisitId, caseId: row.id } })
      : await tx.dressingVisit.findFirst({ where: { caseId: row.id, dueOn: dateColumn(day), status: "planned" } });
    if (!visit && input.dressingVisitId) throw notOfThisCase("dressingVisitId", "dressing visit");
    if (!visit)
      throw refusal(
        violation("PO-3", `No dressing of this case is due on ${day}: dressings fall every other day from day 2.`),
      );
    return {
      dressingVisitId: visit.id,
      dressing: { dueOn: dayOfColumn(visit.dueOn) },
      physioSessionId: null,
      physio: null,
    };
  }
  if (input.kind === "physio") {
    const session = input.physioSessionId
      ? await tx.physioSession.findFirst({ where: { id: input.physioSessionId, caseId: row.id } })
      : await tx.physioSession.findFirst({
          where: { caseId: row.id, status: "planned", appointments: { none: { status: "booked" } } },
          orderBy: { number: "asc" },
        });
    if (!session && input.physioSessionId) throw notOfThisCase("physioSessionId", "physiotherapy session");
    if (!session) throw refusal(violation("PW-3", "Every planned physiotherapy session of this case is booked."));
    return { dressingVisitId: null, dressing: null, physioSessionId: session.id, physio: { number: session.number } };
  }
  return { dressingVisitId: null, dressing: null, physioSessionId: null, physio: null };
}

/** Attempts of a booking whose server-chosen clinician or room was taken meanwhile by a simultaneous one. */
const choiceAttempts = 5;

/**
 * Books `input` (SC-1..SC-4, the pathway's rules): `{ id }`, or a DomainError (403, 409 SC-1 with
 * the conflicting appointments, 422 with the rule). A clinician, anaesthetist or room the client
 * did not name is chosen here; when a simultaneous booking takes the chosen one first (the
 * exclusion constraint refuses ours), the booking is tried again with the next free one: only a
 * conflict on a resource the client named, or on the patient, is refused.
 */
export async function bookAppointment(
  actor: Actor,
  input: AppointmentInput,
  now = new Date(),
): Promise<{ id: string }> {
  if (!mayBook(actor.role, input.kind)) throw forbidden();
  const start = new Date(input.start);
  if (start < now) throw validationError([{ path: "start", message: "Must be in the future" }]);
  for (let attempt = 1; ; attempt++) {
    const choice: Choice = { chosen: new Set(), taken: false };
    try {
      return await bookOnce(actor, input, start, now, choice);
    } catch (error) {
      const conflicts =
        choice.taken && error instanceof DomainError ? (error.extra.conflicts as { resource: string }[]) : null;
      if (!conflicts || attempt >= choiceAttempts || !conflicts.every((c) => choice.chosen.has(c.resource)))
        throw error;
    }
  }
}

/** The resources one attempt chose itself, and whether the exclusion constraint refused it. */
type Choice = { chosen: Set<string>; taken: boolean };

async function bookOnce(
  actor: Actor,
  input: AppointmentInput,
  start: Date,
  now: Date,
  choice: Choice,
): Promise<{ id: string }> {
  let resources: Resources | null = null;
  let slot: Interval | null = null;
  try {
    return await retryOnConflict(() =>
      db().$transaction(async (tx) => {
        await lockCase(tx, input.caseId);
        const row = await loadCase(tx, input.caseId);
        const { timeZone } = row.site;
        const policies = policiesOf(row.site.policies);
        const end = input.end
          ? new Date(input.end)
          : new Date(start.getTime() + policies.durations[input.kind] * 60_000);
        slot = { start, end };
        const day = dayOf(start, timeZone);
        const snapshot = snapshotOf(row);
        const links = await planLinks(tx, row, input, day);
        const admission = input.kind === "arthroscopy" ? (input.admission ?? admissionOf(row, day, policies)) : null;
        const pathway = checkPathway(
          snapshot,
          {
            kind: input.kind,
            day,
            today: dayOf(now, timeZone),
            admission,
            dressing: links.dressing,
            physio: links.physio,
          },
          policies,
        );
        if (pathway) throw refusal(pathway);

        const need = requirements[input.kind];
        const wanted = {
          clinicianId: input.clinicianId ?? null,
          anaesthetistId: input.anaesthetistId ?? null,
          roomId: input.homeVisit ? null : (input.roomId ?? null),
        };
        const unnamed =
          (need.clinician && !wanted.clinicianId) ||
          (need.anaesthetist && !wanted.anaesthetistId) ||
          (!input.homeVisit && !wanted.roomId);
        if (unnamed) {
          const slotQuery = {
            siteId: row.siteId,
            timeZone,
            kind: input.kind,
            minutes: (end.getTime() - start.getTime()) / 60_000,
            from: day,
            to: day,
            patientId: row.patientId,
            notBefore: now,
            clinicianId: wanted.clinicianId ?? undefined,
            anaesthetistId: wanted.anaesthetistId ?? undefined,
            roomId: input.homeVisit ? null : (wanted.roomId ?? undefined),
            exactStart: start,
            limit: 1,
          };
          const [found] = await findSlots(tx, slotQuery);
          if (!found) {
            // A clinician or room named wrongly (SC-3) or off (SC-2) is said first, then what stood in the way.
            await checkPeopleAndPlace(
              tx,
              input.kind,
              { ...wanted, patientId: row.patientId },
              { start, end },
              row.siteId,
              timeZone,
              true,
            );
            throw await whyNoSlot(tx, slotQuery);
          }
          for (const key of ["clinicianId", "anaesthetistId", "roomId"] as const) {
            if (!wanted[key] && found[key]) choice.chosen.add(resourceNames[key]);
          }
          Object.assign(wanted, {
            clinicianId: found.clinicianId,
            anaesthetistId: found.anaesthetistId,
            roomId: found.roomId,
          });
        }
        resources = { ...wanted, patientId: row.patientId };
        await checkPeopleAndPlace(tx, input.kind, resources, slot, row.siteId, timeZone);

        const appointment = await tx.appointment.create({
          data: {
            siteId: row.siteId,
            caseId: row.id,
            patientId: row.patientId,
            kind: input.kind,
            startsAt: start,
            endsAt: end,
            clinicianId: resources.clinicianId,
            anaesthetistId: resources.anaesthetistId,
            roomId: resources.roomId,
            admission,
            dressingVisitId: links.dressingVisitId,
            physioSessionId: links.physioSessionId,
            createdById: actor.id,
            events: { create: { action: "booked", byId: actor.id, startsAt: start, endsAt: end } },
          },
        });
        await writeResources(tx, appointment.id, resources, slot);
        const scheduling =
          input.kind === "arthroscopy" ? decideArthroscopyBooking(snapshot, { day, admission }, policies) : null;
        if (scheduling?.ok && scheduling.to) await moveCase(tx, actor, row.id, scheduling);
        await recordAudit(tx, actor, [
          { action: "appointment.book", entity: "appointment", entityId: appointment.id, patientId: row.patientId },
        ]);
        return { id: appointment.id };
      }),
    );
  } catch (error) {
    if (!(isExclusionViolation(error) && resources && slot)) throw error;
    choice.taken = true;
    throw await conflictError(resources, slot);
  }
}

function admissionOf(row: CaseRow, day: string, policies: ReturnType<typeof policiesOf>) {
  const valid = validAssessmentFor(snapshotOf(row), day, policies);
  return valid.ok ? admissionFor(valid.assessment) : null;
}

async function lockedAppointment(tx: Tx, actor: Actor, id: string) {
  const found = await tx.appointment.findUnique({ where: { id }, select: { caseId: true } });
  if (!found) throw notFound("The appointment");
  await lockCase(tx, found.caseId);
  const appointment = await tx.appointment.findUniqueOrThrow({
    where: { id },
    include: { dressingVisit: true, physioSession: true },
  });
  if (!mayBook(actor.role, appointment.kind)) throw forbidden();
  if (appointment.status !== "booked")
    throw refusal(violation("SC-4", "This appointment is cancelled: book a new one instead."));
  return appointment;
}

/** SC-4: a move keeps the appointment, its people and room, and records why. */
export async function moveAppointment(
  actor: Actor,
  id: string,
  input: { start: string; end?: string; reason: string },
  now = new Date(),
) {
  const reasonMissing = checkReason(input.reason);
  if (reasonMissing) throw refusal(reasonMissing);
  const start = new Date(input.start);
  if (start < now) throw validationError([{ path: "start", message: "Must be in the future" }]);
  let resources: Resources | null = null;
  let slot: Interval | null = null;
  try {
    return await retryOnConflict(() =>
      db().$transaction(async (tx) => {
        const appointment = await lockedAppointment(tx, actor, id);
        const row = await loadCase(tx, appointment.caseId);
        const policies = policiesOf(row.site.policies);
        const length = appointment.endsAt.getTime() - appointment.startsAt.getTime();
        slot = { start, end: input.end ? new Date(input.end) : new Date(start.getTime() + length) };
        const day = dayOf(start, row.site.timeZone);
        const pathway = checkPathway(
          snapshotOf(row),
          {
            kind: appointment.kind,
            day,
            today: dayOf(now, row.site.timeZone),
            admission: appointment.admission,
            dressing: appointment.dressingVisit && { dueOn: dayOfColumn(appointment.dressingVisit.dueOn) },
            physio: appointment.physioSession && { number: appointment.physioSession.number },
            moving: true,
          },
          policies,
        );
        if (pathway) throw refusal(pathway);
        resources = {
          clinicianId: appointment.clinicianId,
          anaesthetistId: appointment.anaesthetistId,
          roomId: appointment.roomId,
          patientId: appointment.patientId,
        };
        await checkPeopleAndPlace(tx, appointment.kind, resources, slot, row.siteId, row.site.timeZone);
        await tx.appointment.update({ where: { id }, data: { startsAt: slot.start, endsAt: slot.end } });
        await tx.$executeRaw`UPDATE appointment_resource SET period = tstzrange(${slot.start}, ${slot.end}) WHERE appointment_id = ${id}::uuid`;
        await tx.appointmentEvent.create({
          data: {
            appointmentId: id,
            action: "moved",
            byId: actor.id,
            reason: input.reason.trim(),
            startsAt: slot.start,
            endsAt: slot.end,
          },
        });
        await recordAudit(tx, actor, [
          { action: "appointment.move", entity: "appointment", entityId: id, patientId: appointment.patientId },
        ]);
        return { id };
      }),
    );
  } catch (error) {
    if (isExclusionViolation(error) && resources && slot) throw await conflictError(resources, slot, id);
    throw error;
  }
}

/** SC-4: cancelled, never deleted; a cancelled arthroscopy returns the case to "assessed". */
export async function cancelAppointment(actor: Actor, id: string, input: { reason: string }) {
  const reasonMissing = checkReason(input.reason);
  if (reasonMissing) throw refusal(reasonMissing);
  return db().$transaction(async (tx) => {
    const appointment = await lockedAppointment(tx, actor, id);
    await tx.appointment.update({ where: { id }, data: { status: "cancelled" } });
    await tx.appointmentResource.updateMany({ where: { appointmentId: id }, data: { active: false } });
    await tx.appointmentEvent.create({
      data: {
        appointmentId: id,
        action: "cancelled",
        byId: actor.id,
        reason: input.reason.trim(),
        startsAt: appointment.startsAt,
        endsAt: appointment.endsAt,
      },
    });
    if (appointment.kind === "arthroscopy") {
      const kase = await tx.clinicalCase.findUniqueOrThrow({ where: { id: appointment.caseId } });
      const unscheduling = decideArthroscopyCancellation(kase, { reason: input.reason.trim() });
      if (unscheduling.to) await moveCase(tx, actor, kase.id, unscheduling);
    }
    await recordAudit(tx, actor, [
      { action: "appointment.cancel", entity: "appointment", entityId: id, patientId: appointment.patientId },
    ]);
    return { id };
  });
}
