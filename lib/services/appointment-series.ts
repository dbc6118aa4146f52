// The post-operative series in one action: every planned dressing on its due day with a free
// nurse (PO-3), and every physiotherapy session in its window with a free physiotherapist
// (PO-4; a late first one in the week ahead), at the times chosen. A day with nobody free is
// reported, never moved. A series that books anything sends the patient the recovery plan.
import { formatDay } from "@/lib/domain/date-format";
import type { Actor } from "@/lib/auth/actor";
import { mayBook } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { dayOfColumn } from "@/lib/db/dates";
import { policiesOf } from "@/lib/domain/policies";
import { addDays, dayOf, instantAt, type Day } from "@/lib/domain/time";
import { violation } from "@/lib/domain/rules";
import { DomainError, forbidden, notFound } from "@/lib/domain/errors";
import { bookAppointment } from "./appointments";
import { recordAudit } from "./audit";
import { whyNoSlot } from "./booking-obstacles";
import { refusal } from "./case-record";
import { findSlots } from "./slots";
import { queuePlanMessage } from "./messages/post-op-plan";
import type { SeriesKind } from "@/lib/domain/vocabulary";

type SeriesRequest = { dressingTime?: string; physioTime?: string; preview: boolean };
type SeriesItem = {
  kind: SeriesKind;
  day: Day;
  start: string | null;
  label: string;
  appointmentId?: string;
  problem?: string;
};

const at = (day: Day, time: string, timeZone: string) => {
  const [h, m] = time.split(":").map(Number);
  return instantAt(day, h!, m!, timeZone);
};

/**
 * Proposes (`preview`) or books the case's planned dressings at `dressingTime` and physiotherapy
 * sessions at `physioTime` (site "HH:MM"): one item per visit or session, with its appointment
 * or the problem that stood in the way. Each booking is its own transaction with its reminders;
 * the patient then gets one confirmation listing every visit booked, not one per visit.
 */
export async function bookPostOperativeSeries(
  actor: Actor,
  caseId: string,
  request: SeriesRequest,
  now = new Date(),
): Promise<{ items: SeriesItem[] }> {
  if (
    (request.dressingTime && !mayBook(actor.role, "dressing")) ||
    (request.physioTime && !mayBook(actor.role, "physio"))
  )
    throw forbidden();
  const kase = await db().clinicalCase.findUnique({
    where: { id: caseId },
    include: {
      site: true,
      carePlan: true,
      dressings: {
        where: { status: "planned", appointments: { none: { status: "booked" } } },
        orderBy: { dueOn: "asc" },
      },
      physio: {
        where: { status: "planned", appointments: { none: { status: "booked" } } },
        orderBy: { number: "asc" },
      },
    },
  });
  if (!kase) throw notFound("The case");
  if (!kase.carePlan)
    throw refusal(violation("PW-3", "The series is booked from the post-operative plan, after the operation."));
  const { timeZone } = kase.site;
  const minutes = policiesOf(kase.site.policies).durations;
  const today = dayOf(now, timeZone);
  /** Null when someone is free at `start`, else what stands in the way, in the booking's own words. */
  const obstacle = (kind: SeriesKind, start: Date) =>
    db().$transaction(async (tx) => {
      const query = {
        siteId: kase.siteId,
        timeZone,
        kind,
        minutes: minutes[kind],
        from: dayOf(start, timeZone),
        to: dayOf(start, timeZone),
        patientId: kase.patientId,
        notBefore: now,
        exactStart: start,
        limit: 1,
      };
      return (await findSlots(tx, query)).length > 0 ? null : (await whyNoSlot(tx, query)).message;
    });

  type Proposal = { item: SeriesItem; startAt?: Date; visitId?: string; sessionId?: string };
  const proposals: Proposal[] = [];
  if (request.dressingTime) {
    for (const visit of kase.dressings) {
      const due = dayOfColumn(visit.dueOn);
      const start = at(due, request.dressingTime, timeZone);
      const label = `Dressing due ${due}`;
      if (start <= now) continue;
      const problem = await obstacle("dressing", start);
      proposals.push(
        problem === null
          ? {
              item: { kind: "dressing", day: due, start: start.toISOString(), label },
              startAt: start,
              visitId: visit.id,
            }
          : {
              item: {
                kind: "dressing",
                day: due,
                start: null,
                label,
                problem: `At ${request.dressingTime} on ${due}: ${problem}`,
              },
            },
      );
    }
  }
  if (request.physioTime) {
    for (const session of kase.physio) {
      const from = [dayOfColumn(session.earliestOn), addDays(today, 1)].sort()[1]!;
      const by = dayOfColumn(session.dueBy);
      const label = `Physiotherapy session ${session.number} (by ${by})`;
      // PO-4: a first session already past its due day is booked as soon as possible, in the
      // week ahead. Later weekly sessions keep their own windows.
      const until = session.number === 1 && from > by ? addDays(from, 6) : by;
      let found: Date | null = null;
      const problems = new Set<string>();
      for (let day = from; day <= until && !found; day = addDays(day, 1)) {
        const start = at(day, request.physioTime, timeZone);
        if (start <= now) continue;
        const problem = await obstacle("physio", start);
        if (problem === null) found = start;
        else problems.add(problem);
      }
      proposals.push(
        found
          ? {
              item: { kind: "physio", day: dayOf(found, timeZone), start: found.toISOString(), label },
              startAt: found,
              sessionId: session.id,
            }
          : {
              item: {
                kind: "physio",
                day: by,
                start: null,
                label,
                problem: `At ${request.physioTime} on no day from ${formatDay(from)} to ${formatDay(until)}: ${[...problems].join(" ") || "every such time has passed."}`,
              },
            },
      );
    }
  }
  // The answer carries the patient's plan dates, booked or not: the read is audited either way.
  const audit = {
    action: request.preview ? "appointment.series_preview" : "appointment.series_book",
    entity: "clinical_case",
    entityId: kase.id,
    patientId: kase.patientId,
  };
  if (request.preview) {
    await db().$transaction((tx) => recordAudit(tx, actor, [audit]));
    return { items: proposals.map((p) => p.item) };
  }

  const items: SeriesItem[] = [];
  for (const { item, startAt, visitId, sessionId } of proposals) {
    if (!startAt) {
      items.push(item);
      continue;
    }
    try {
      const booked = await bookAppointment(
        actor,
        { caseId, kind: item.kind, start: startAt.toISOString(), dressingVisitId: visitId, physioSessionId: sessionId },
        now,
        { confirmation: false },
      );
      items.push({ ...item, appointmentId: booked.id });
    } catch (error) {
      items.push({
        ...item,
        start: null,
        problem: error instanceof DomainError ? error.message : "Could not be booked.",
      });
    }
  }
  await db().$transaction(async (tx) => {
    await recordAudit(tx, actor, [audit]);
    // The recovery plan goes to the patient now that its appointments exist (post-op-plan.ts).
    if (items.some((i) => i.appointmentId)) await queuePlanMessage(tx, caseId, now);
  });
  return { items };
}
