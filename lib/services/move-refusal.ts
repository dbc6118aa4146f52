// A refused move offers what would be accepted instead: the free times nearest the one asked for
// that the appointment could take with its own clinician, anaesthetist and room (the slot finder
// of moves, on the days the move's pathway check accepts).
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/domain/date-format";
import { DomainError } from "@/lib/domain/errors";
import { policiesOf } from "@/lib/domain/policies";
import { addDays, dayOf, type Day } from "@/lib/domain/time";
import { movableDays } from "./booking/bookable-days";
import { loadCase } from "./case-record";
import { findSlots } from "./slots";

/** How many free times a refusal offers, and how many days either side of the one asked for it looks. */
const offered = 3;
const daysAround = 3;
/** Enough starts to cover the days looked at (10-minute steps): the nearest are chosen among them. */
const candidates = 2_000;

/**
 * `error` unchanged unless it is a move's SC-1 (someone or something booked) or SC-2 (outside
 * hours) refusal: then the same error with `extra.nearest`, the `offered` free intervals
 * `{start, end}` (ISO instants) nearest to `start` that appointment `id` could move to, in time
 * order, and the message saying them.
 */
export async function withNearestFreeTimes(error: unknown, id: string, start: Date, now: Date): Promise<unknown> {
  if (!(error instanceof DomainError) || (error.code !== "SC-1" && error.code !== "SC-2")) return error;
  const nearest = await db().$transaction(async (tx) => {
    const appointment = await tx.appointment.findUniqueOrThrow({
      where: { id },
      include: { dressingVisit: true, physioSession: true },
    });
    const row = await loadCase(tx, appointment.caseId);
    const timeZone = row.site.timeZone;
    const day = dayOf(start, timeZone);
    const today = dayOf(now, timeZone);
    const range: Day[] = [];
    for (let d = addDays(day, -daysAround); d <= addDays(day, daysAround); d = addDays(d, 1)) range.push(d);
    const { days } = await movableDays(row, appointment, range, today, policiesOf(row.site.policies));
    const slots = await findSlots(tx, {
      siteId: row.siteId,
      timeZone,
      kind: appointment.kind,
      minutes: (appointment.endsAt.getTime() - appointment.startsAt.getTime()) / 60_000,
      from: range[0]!,
      to: range.at(-1)!,
      days,
      patientId: row.patientId,
      notBefore: now,
      clinicianId: appointment.clinicianId ?? undefined,
      anaesthetistId: appointment.anaesthetistId ?? undefined,
      roomId: appointment.roomId,
      movingId: id,
      limit: candidates,
    });
    const distance = (s: { start: Date }) => Math.abs(s.start.getTime() - start.getTime());
    return { timeZone, slots: slots.sort((a, b) => distance(a) - distance(b)).slice(0, offered) };
  });
  const slots = nearest.slots.sort((a, b) => a.start.getTime() - b.start.getTime());
  const said = slots.map((s) => formatDateTime(s.start, nearest.timeZone)).join("; ");
  return new DomainError(
    error.kind,
    error.code,
    slots.length
      ? `${error.message} Nearest free times: ${said}.`
      : `${error.message} No free time within ${daysAround} days.`,
    { ...error.extra, nearest: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) },
  );
}
