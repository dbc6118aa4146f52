// The recovery plan sent to the patient after the operation (SX-6): the plan's dates in plain
// words and the upcoming appointments, with those appointments as an iCalendar attachment.
//
// When it goes: when the post-operative series is booked (lib/services/appointment-series.ts),
// because only then do the dressings and physiotherapy it lists exist as appointments; recording
// the operation books none, so a message then could only say "we will contact you". Staff can send
// it again at any time after the operation (sendPlanMessage: a lost email, a series booked in
// parts, appointments booked one by one). A newer plan message replaces one still waiting to go,
// so the patient gets the latest plan once, not two versions.
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { notFound } from "@/lib/domain/errors";
import { planMessageText } from "@/lib/domain/plan-message";
import { violation } from "@/lib/domain/rules";
import { removeJob } from "@/lib/jobs/queue";
import type { Attachment } from "@/lib/messages/transports";
import { recordAudit } from "../audit";
import { refusal } from "../case-record";
import { patientCalendarFile } from "../patient-calendar";
import { deliveryJobKey, queueMessage, type QueuedMessage } from "./outbox";

// The class of the advisory locks that queue plan messages of one patient (the two-key form).
const planMessageLockClass = 0x504c414e;

/** The calendar attachment's file name. */
export const planCalendarFilename = "appointments.ics";

/**
 * Queues, inside `tx`, the recovery plan of case `caseId` for its patient, on each channel the
 * patient consents to (none: nothing is queued), to go at `now`: the plan's lines, the patient's
 * upcoming booked appointments (starting after `now`, any case) in words and, by email, as an
 * iCalendar attachment. A plan message of the patient's still queued is cancelled first (its job
 * removed): the new one supersedes it. Throws a PW-3 refusal when the case has no operation (no
 * plan) and NOT_FOUND for an unknown case.
 */
export async function queuePlanMessage(tx: Tx, caseId: string, now: Date): Promise<QueuedMessage[]> {
  const kase = await tx.clinicalCase.findUnique({
    where: { id: caseId },
    select: { patientId: true, siteId: true, site: { select: { name: true } }, carePlan: true },
  });
  if (!kase) throw notFound("The case");
  const plan = kase.carePlan;
  if (!plan) throw refusal(violation("PW-3", "The recovery plan is sent after the operation is recorded."));
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${planMessageLockClass}::int, hashtext(${kase.patientId}::text))`;
  const superseded = await tx.$queryRaw<{ id: string }[]>`
    UPDATE message SET status = 'cancelled'
    WHERE patient_id = ${kase.patientId}::uuid AND kind = 'post_op_plan' AND status = 'queued'
    RETURNING id`;
  for (const { id } of superseded) await removeJob(tx, deliveryJobKey(id));

  const appointments = await tx.appointment.findMany({
    where: { patientId: kase.patientId, status: "booked", startsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    include: {
      room: { select: { name: true } },
      site: { select: { name: true, timeZone: true } },
      events: { select: { action: true, at: true }, orderBy: { id: "asc" } },
    },
  });
  const text = planMessageText(
    {
      operationDay: dayOfColumn(plan.operationDay),
      instructions: Array.isArray(plan.instructions) ? plan.instructions.map(String) : [],
      crutchReview: { from: dayOfColumn(plan.crutchReviewFrom), to: dayOfColumn(plan.crutchReviewTo) },
    },
    appointments.map((a) => ({
      kind: a.kind,
      startsAt: a.startsAt,
      timeZone: a.site.timeZone,
      place: a.room ? `${a.room.name}, ${a.site.name}` : a.kind === "dressing" ? "at home" : a.site.name,
    })),
  );
  const attachments: Attachment[] =
    appointments.length === 0
      ? []
      : [
          {
            filename: planCalendarFilename,
            contentType: "text/calendar; charset=utf-8; method=PUBLISH",
            content: patientCalendarFile(
              `${kase.site.name}: your appointments`,
              appointments.map((a) => ({ ...a, siteName: a.site.name })),
              now,
            ),
          },
        ];
  return queueMessage(
    tx,
    { patientId: kase.patientId, siteId: kase.siteId, kind: "post_op_plan", sendAfter: now, values: text, attachments },
    now,
  );
}

/**
 * Staff's "send the plan again" (POST /api/v1/cases/{id}/plan-message): queues the case's plan
 * message as queuePlanMessage does and audits it. Answers the messages queued, one per channel
 * (empty when the patient consents to no channel with an address). Throws NOT_FOUND for an
 * unknown case and a PW-3 refusal when its operation is not recorded.
 */
export async function sendPlanMessage(
  actor: Actor,
  caseId: string,
  now = new Date(),
): Promise<{ messages: QueuedMessage[] }> {
  return db().$transaction(async (tx) => {
    const messages = await queuePlanMessage(tx, caseId, now);
    const { patientId } = await tx.clinicalCase.findUniqueOrThrow({
      where: { id: caseId },
      select: { patientId: true },
    });
    await recordAudit(tx, actor, [
      {
        action: "case.plan_message.send",
        entity: "clinical_case",
        entityId: caseId,
        patientId,
        detail: { channels: messages.map((m) => m.channel).join(",") },
      },
    ]);
    return { messages };
  });
}
