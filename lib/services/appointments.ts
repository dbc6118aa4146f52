// Booking, moving and cancelling appointments. Each runs in one transaction with the case row
// locked; the exclusion constraint on appointment_resource refuses any overlap (SC-1), which
// comes back as 409 with the conflicting appointments. A booking runs as named steps, one
// module each under booking/: resolve (what, when, who), check (the rules), write.
import type { Actor } from "@/lib/auth/actor";
import { mayBook } from "@/lib/auth/policy";
import { db, type Tx } from "@/lib/db/client";
import { retryOnConflict } from "@/lib/db/errors";
import { checkChangeAfterAttendance } from "@/lib/domain/attendance";
import { decideArthroscopyCancellation } from "@/lib/domain/pathway";
import { policiesOf } from "@/lib/domain/policies";
import { violation } from "@/lib/domain/rules";
import { checkReason } from "@/lib/domain/scheduling";
import { dayOf } from "@/lib/domain/time";
import { forbidden, validationError } from "@/lib/domain/errors";
import type { AppointmentInput, AppointmentView } from "@/lib/schemas/appointment";
import { recordAudit } from "./audit";
import { lockAppointment, writeCancellation } from "./appointment-record";
import { checkBookingPathway, checkPeopleAndPlace } from "./booking/check";
import { resolveBooking, resolveResources } from "./booking/resolve";
import { conflictError, conflictsWith, moveResources, SlotTaken, type Resources } from "./booking/resources";
import { writeBooking } from "./booking/write";
import { appointmentViewIn } from "./calendar";
import { movePathwayRefusal } from "./booking/bookable-days";
import { loadCase, lockCase, moveCase, refusal, snapshotOf } from "./case-record";
import { withNearestFreeTimes } from "./move-refusal";
import { noticeMoved } from "./messages/appointment-notices";

/** Attempts of a booking whose server-chosen clinician or room was taken meanwhile by a simultaneous one. */
const choiceAttempts = 5;

/**
 * Books `input` (SC-1..SC-4, the pathway's rules) and answers the new appointment as `actor` may
 * see it; or throws a DomainError (`forbidden`, `not_found`, `conflict` SC-1 with the conflicting
 * appointments, `rule` with the rule's ID). A clinician, anaesthetist or room the client did not name is chosen here;
 * when a simultaneous booking takes the chosen one first (the exclusion constraint refuses
 * ours), the booking is tried again with the next free one: only a conflict on a resource the
 * client named, or on the patient, is refused. The patient's booking confirmation and reminders
 * are queued in the booking's transaction; `notices.confirmation: false` leaves the confirmation
 * out, for a caller that confirms several bookings in one message (the post-operative series).
 */
export async function bookAppointment(
  actor: Actor,
  input: AppointmentInput,
  now = new Date(),
  notices: { confirmation: boolean } = { confirmation: true },
): Promise<AppointmentView> {
  if (!mayBook(actor.role, input.kind)) throw forbidden();
  const start = new Date(input.start);
  if (start < now) throw validationError([{ path: "start", message: "Must be in the future" }]);
  for (let attempt = 1; ; attempt++) {
    const outcome = await attemptBooking(actor, input, start, { now, ...notices });
    if ("booked" in outcome) return outcome.booked;
    const clash = await conflictsWith(outcome.taken);
    const chosenOnly = clash.conflicts.every((c) => outcome.taken.chosen.includes(c.resource));
    if (attempt >= choiceAttempts || !chosenOnly) throw conflictError(clash);
  }
}

/** One attempt: the appointment booked, or what the exclusion constraint found taken (rolled back). */
type Attempt = { booked: AppointmentView } | { taken: SlotTaken };

type Notices = { now: Date; confirmation: boolean };

async function attemptBooking(actor: Actor, input: AppointmentInput, start: Date, notices: Notices): Promise<Attempt> {
  try {
    return { booked: await retryOnConflict(() => db().$transaction((tx) => book(tx, actor, input, start, notices))) };
  } catch (error) {
    if (error instanceof SlotTaken) return { taken: error };
    throw error;
  }
}

/** The booking's steps in its transaction, the case locked first: resolve, check, write. */
async function book(tx: Tx, actor: Actor, input: AppointmentInput, start: Date, notices: Notices) {
  const { now } = notices;
  await lockCase(tx, input.caseId);
  const row = await loadCase(tx, input.caseId);
  const policies = policiesOf(row.site.policies);
  const booking = await resolveBooking(tx, row, input, start, policies);
  const today = dayOf(now, row.site.timeZone);
  const caseMove = checkBookingPathway(snapshotOf(row), input.kind, booking, today, policies);
  const staffing = await resolveResources(tx, row, input, booking, now);
  const site = { id: row.siteId, timeZone: row.site.timeZone };
  await checkPeopleAndPlace(tx, input.kind, staffing.resources, booking.slot, site);
  return writeBooking(tx, actor, row, input.kind, booking, staffing, caseMove, notices);
}

const withPlanItem = { dressingVisit: true, physioSession: true } as const;

/**
 * The booked appointment `id` under a `change` of `actor`, its case locked: 404, 403, 422 (SC-4)
 * when cancelled, or 422 (PW-3) when its attendance forbids the change.
 */
async function lockedBooking(tx: Tx, actor: Actor, id: string, change: "move" | "cancel") {
  const appointment = await lockAppointment(tx, id, withPlanItem);
  if (!mayBook(actor.role, appointment.kind)) throw forbidden();
  if (appointment.status !== "booked")
    throw refusal(violation("SC-4", "This appointment is cancelled: book a new one instead."));
  const attended = checkChangeAfterAttendance(appointment.attendance, change);
  if (attended) throw refusal(attended);
  return appointment;
}

/**
 * SC-4: a move keeps the appointment, its people and room, and records why. Answers the moved
 * appointment as `actor` may see it, from the move's own transaction; throws a DomainError
 * (`forbidden`, `not_found`, `conflict` SC-1 naming who is taken and by which appointment,
 * `rule`, `invalid` for a past start); an SC-1 or SC-2 refusal carries in `extra.nearest` the
 * nearest free times the appointment could take instead. The patient's reminders of the old time
 * are cancelled, and the notice of the move and the new time's reminders queued, in the move's
 * transaction.
 */
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
  try {
    return await retryOnConflict(() =>
      db().$transaction(async (tx) => {
        const appointment = await lockedBooking(tx, actor, id, "move");
        const row = await loadCase(tx, appointment.caseId);
        const policies = policiesOf(row.site.policies);
        const length = appointment.endsAt.getTime() - appointment.startsAt.getTime();
        const slot = { start, end: input.end ? new Date(input.end) : new Date(start.getTime() + length) };
        const day = dayOf(start, row.site.timeZone);
        const pathway = movePathwayRefusal(row, appointment, day, dayOf(now, row.site.timeZone), policies);
        if (pathway) throw refusal(pathway);
        const resources: Resources = {
          clinicianId: appointment.clinicianId,
          anaesthetistId: appointment.anaesthetistId,
          roomId: appointment.roomId,
          patientId: appointment.patientId,
        };
        const site = { id: row.siteId, timeZone: row.site.timeZone };
        await checkPeopleAndPlace(tx, appointment.kind, resources, slot, site);
        await tx.appointment.update({ where: { id }, data: { startsAt: slot.start, endsAt: slot.end } });
        await moveResources(tx, id, resources, slot);
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
        await noticeMoved(tx, id, appointment.startsAt, now);
        return appointmentViewIn(tx, actor, id);
      }),
    );
  } catch (error) {
    const refused = error instanceof SlotTaken ? conflictError(await conflictsWith(error, id)) : error;
    throw await withNearestFreeTimes(refused, id, start, now);
  }
}

/**
 * SC-4: cancelled, never deleted; a cancelled arthroscopy returns the case to "assessed". Answers
 * the cancelled appointment as `actor` may see it, from the cancellation's own transaction, in
 * which the patient's reminders are cancelled and the cancellation notice queued (at `now`).
 */
export async function cancelAppointment(actor: Actor, id: string, input: { reason: string }, now = new Date()) {
  const reasonMissing = checkReason(input.reason);
  if (reasonMissing) throw refusal(reasonMissing);
  return db().$transaction(async (tx) => {
    const appointment = await lockedBooking(tx, actor, id, "cancel");
    await writeCancellation(tx, actor, appointment, input.reason.trim(), now);
    if (appointment.kind === "arthroscopy") {
      const kase = await tx.clinicalCase.findUniqueOrThrow({ where: { id: appointment.caseId } });
      const unscheduling = decideArthroscopyCancellation(kase, { reason: input.reason.trim() });
      if (unscheduling.to) await moveCase(tx, actor, kase.id, unscheduling);
    }
    await recordAudit(tx, actor, [
      { action: "appointment.cancel", entity: "appointment", entityId: id, patientId: appointment.patientId },
    ]);
    return appointmentViewIn(tx, actor, id);
  });
}
