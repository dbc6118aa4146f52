// What the patient is told when an appointment is booked, moved or cancelled, or could not be
// moved as they asked, and the reminders before it: queued inside the transaction of the change itself (a booking that rolls back
// queues nothing), in plain words, with times on the site's wall clock. Consent is the
// patient's contact preferences: a patient who gave none is sent nothing (outbox.ts).
//
// The post-operative series, booked in one action, sends no confirmation per visit: the recovery
// plan that follows it lists them all (post-op-plan.ts); every visit still gets its own reminders.
import type { Tx } from "@/lib/db/client";
import { formatDateTime } from "@/lib/domain/date-format";
import { policiesOf } from "@/lib/domain/policies";
import { reminderInstants } from "@/lib/domain/reminders";
import type { AppointmentKind, AppointmentStatus, MessageKind } from "@/lib/domain/vocabulary";
import { cancelQueuedMessages, queueMessage, type MessageRequest, type QueuedMessage } from "./outbox";

/** Each kind of appointment as the patient would say it. */
const patientWords: Record<AppointmentKind, { one: string; many: string }> = {
  consultation: { one: "consultation about your ankle", many: "consultations about your ankle" },
  follow_up: { one: "follow-up appointment", many: "follow-up appointments" },
  imaging: { one: "scan of your ankle", many: "scans of your ankle" },
  injection: { one: "ankle injection", many: "ankle injections" },
  anaesthesia_assessment: { one: "anaesthetic assessment", many: "anaesthetic assessments" },
  arthroscopy: { one: "ankle operation (arthroscopy)", many: "ankle operations (arthroscopy)" },
  dressing: { one: "dressing visit", many: "dressing visits" },
  physio: { one: "physiotherapy session", many: "physiotherapy sessions" },
};

/**
 * The kinds of waiting message a move or cancellation withdraws: the reminders. A confirmation or
 * move notice not yet sent still goes; the notice of the change follows it, so the patient reads
 * the changes in order.
 */
const waitingReminders: MessageKind[] = ["reminder"];

const noticeSelect = {
  id: true,
  kind: true,
  status: true,
  startsAt: true,
  patientId: true,
  siteId: true,
  room: { select: { name: true } },
  site: { select: { name: true, timeZone: true, policies: true } },
  patient: { select: { email: true, phone: true, contactByEmail: true, contactBySms: true } },
} as const;

type NoticeAppointment = {
  id: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  startsAt: Date;
  patientId: string;
  siteId: string;
  room: { name: string } | null;
  site: { name: string; timeZone: string; policies: unknown };
  patient: { email: string | null; phone: string | null; contactByEmail: boolean; contactBySms: boolean };
};

const load = (tx: Tx, appointmentId: string): Promise<NoticeAppointment> =>
  tx.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: noticeSelect });

/** Whether the patient may be written to at all (a consented channel with an address). */
const reachable = ({ patient }: NoticeAppointment) =>
  (patient.contactByEmail && !!patient.email) || (patient.contactBySms && !!patient.phone);

/** Where, in words: the room's name; a dressing without a room is a home visit; else the clinic. */
function whereOf(appointment: NoticeAppointment): string {
  if (appointment.room) return appointment.room.name;
  if (appointment.kind === "dressing") return "your home (the nurse will come to you)";
  return appointment.site.name;
}

/** The template values of one appointment: what, when (site wall clock) and where. */
function valuesOf(appointment: NoticeAppointment) {
  return {
    what: patientWords[appointment.kind].one,
    when: formatDateTime(appointment.startsAt, appointment.site.timeZone),
    where: whereOf(appointment),
  };
}

/** Queues a notice about `appointment` of `kind`, to go at once. */
const queueNotice = (
  tx: Tx,
  appointment: NoticeAppointment,
  kind: MessageKind,
  values: MessageRequest["values"],
  now: Date,
) =>
  queueMessage(
    tx,
    {
      patientId: appointment.patientId,
      siteId: appointment.siteId,
      appointmentId: appointment.id,
      kind,
      sendAfter: now,
      values,
    },
    now,
  );

/** The once-only key of one reminder: the same appointment, start and offset is reminded once. */
const reminderKey = (appointmentId: string, start: Date, reminder: { daysBefore: number; at: string }) =>
  `reminder:${appointmentId}:${start.toISOString()}:${reminder.daysBefore}:${reminder.at}`;

/** Queues the appointment's reminders at the site policy's instants (those still ahead of `now`). */
async function queueReminders(tx: Tx, appointment: NoticeAppointment, now: Date): Promise<QueuedMessage[]> {
  const { reminders } = policiesOf(appointment.site.policies);
  const values = valuesOf(appointment);
  const queued: QueuedMessage[] = [];
  for (const send of reminderInstants(reminders, appointment.startsAt, appointment.site.timeZone, now)) {
    queued.push(
      ...(await queueMessage(
        tx,
        {
          patientId: appointment.patientId,
          siteId: appointment.siteId,
          appointmentId: appointment.id,
          kind: "reminder",
          sendAfter: send.sendAt,
          values,
          dedupeKey: reminderKey(appointment.id, appointment.startsAt, send),
        },
        now,
      )),
    );
  }
  return queued;
}

/**
 * Cancels the appointment's waiting reminders and frees their once-only keys, so that moving it
 * back to a time it had before reminds the patient again; a reminder already sent keeps its key
 * and is never sent twice for the same start.
 */
async function cancelReminders(tx: Tx, appointmentId: string): Promise<void> {
  await cancelQueuedMessages(tx, appointmentId, waitingReminders);
  await tx.$executeRaw`
    UPDATE message SET dedupe_key = dedupe_key || ':cancelled:' || id::text
    WHERE appointment_id = ${appointmentId}::uuid AND kind = 'reminder' AND status = 'cancelled'
      AND dedupe_key IS NOT NULL AND dedupe_key NOT LIKE '%:cancelled:%'`;
}

/**
 * In the booking's transaction `tx`: the booking confirmation of appointment `appointmentId`
 * (to go at once; left out with `confirmation: false`, when the caller confirms several
 * bookings in one message) and its reminders. Nothing for a patient who consented to no
 * channel. Returns the messages queued. Throws Prisma's not-found error for an unknown id.
 */
export async function noticeBooked(
  tx: Tx,
  appointmentId: string,
  now: Date,
  options: { confirmation: boolean } = { confirmation: true },
): Promise<QueuedMessage[]> {
  const appointment = await load(tx, appointmentId);
  if (!reachable(appointment)) return [];
  const queued: QueuedMessage[] = [];
  if (options.confirmation)
    queued.push(...(await queueNotice(tx, appointment, "booking_confirmation", valuesOf(appointment), now)));
  queued.push(...(await queueReminders(tx, appointment, now)));
  return queued;
}

/**
 * In the move's transaction `tx`, after the appointment's new start is written: cancels the
 * reminders of its old time, queues the notice that it moved (from `previousStart`) and the
 * reminders of its new time. Returns the messages queued: none when the start did not change.
 */
export async function noticeMoved(
  tx: Tx,
  appointmentId: string,
  previousStart: Date,
  now: Date,
): Promise<QueuedMessage[]> {
  const appointment = await load(tx, appointmentId);
  // A "move" to the time it already had changes nothing the patient was told.
  if (appointment.startsAt.getTime() === previousStart.getTime()) return [];
  await cancelReminders(tx, appointmentId);
  if (!reachable(appointment)) return [];
  const previousWhen = formatDateTime(previousStart, appointment.site.timeZone);
  const queued = await queueNotice(
    tx,
    appointment,
    "appointment_moved",
    { ...valuesOf(appointment), previousWhen },
    now,
  );
  return [...queued, ...(await queueReminders(tx, appointment, now))];
}

/**
 * In the cancellation's transaction `tx`: cancels the appointment's waiting reminders and queues
 * the notice that it is cancelled. Returns the messages queued.
 */
export async function noticeCancelled(tx: Tx, appointmentId: string, now: Date): Promise<QueuedMessage[]> {
  await cancelReminders(tx, appointmentId);
  const appointment = await load(tx, appointmentId);
  if (!reachable(appointment)) return [];
  return queueNotice(tx, appointment, "appointment_cancelled", valuesOf(appointment), now);
}

/**
 * In the transaction `tx` that closes the patient's request to move appointment `appointmentId`
 * as not possible: queues the notice that it stays as booked, with reception's `reply` (plain
 * text, or null), to go at once. Nothing when the appointment is no longer booked or has started
 * by `now` (there is nothing left to tell), or the patient consented to no channel. Returns the
 * messages queued.
 */
export async function noticeMoveDeclined(
  tx: Tx,
  appointmentId: string,
  reply: string | null,
  now: Date,
): Promise<QueuedMessage[]> {
  const appointment = await load(tx, appointmentId);
  if (appointment.status !== "booked" || appointment.startsAt <= now || !reachable(appointment)) return [];
  const values = { ...valuesOf(appointment), reply: reply ? ` The clinic says: “${reply}”` : "" };
  return queueNotice(tx, appointment, "move_request_declined", values, now);
}
