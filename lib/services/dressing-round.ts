// The nurse's dressing round of a day (PO-3).
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { addDays, dayOf, daysBetween, instantAt, type Day } from "@/lib/domain/time";
import { recordListRead } from "./audit";

const roundCase = {
  include: { patient: true, carePlan: true, dressingRecords: { orderBy: { recordedAt: "desc" as const }, take: 1 } },
};

/**
 * The nurse's dressing round on a day (default: today at the actor's site): every dressing
 * appointment of the site that day, in time order, then every dressing due that day that no
 * appointment holds (PO-3: a wound is dressed on its day whether or not it was booked), each
 * with the patient's day since the operation and the last wound state. Audited per entry.
 */
export async function dressingRound(actor: Actor, day?: Day, now = new Date()) {
  return db().$transaction(async (tx) => {
    const { site } = await tx.staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
    const date = day ?? dayOf(now, site.timeZone);
    const rows = await tx.appointment.findMany({
      where: {
        siteId: site.id,
        kind: "dressing",
        status: "booked",
        startsAt: { gte: instantAt(date, 0, 0, site.timeZone), lt: instantAt(addDays(date, 1), 0, 0, site.timeZone) },
      },
      orderBy: { startsAt: "asc" },
      include: {
        patient: true,
        clinician: { select: { name: true } },
        room: { select: { name: true } },
        dressingRecord: true,
        dressingVisit: { select: { dueOn: true } },
        case: roundCase,
      },
    });
    // Due that day and held by no live appointment: never booked, a replacement for a missed
    // visit, or the series going on past its planned end; recorded ones stay on the list.
    const unbooked = await tx.dressingVisit.findMany({
      where: {
        dueOn: dateColumn(date),
        status: { in: ["planned", "done"] },
        appointments: { none: { status: "booked" } },
        case: { siteId: site.id, status: { in: ["operated", "recovery"] } },
      },
      include: {
        case: roundCase,
        records: { where: { appointmentId: null }, include: { nurse: { select: { name: true } } } },
      },
    });
    const due = unbooked
      .filter((v) => v.status === "planned" || v.records.length > 0)
      .sort((a, b) => a.case.patient.familyName.localeCompare(b.case.patient.familyName));
    // The round lists booked dressing appointments and unbooked visits due: one row for both.
    await recordListRead(tx, actor, {
      action: "dressing.round",
      entity: "dressing_round",
      itemPatientIds: [...rows.map((r) => r.patientId), ...due.map((v) => v.case.patientId)],
    });
    type RoundCase = (typeof rows)[number]["case"];
    const about = (c: RoundCase) => ({
      caseId: c.id,
      patient: { name: `${c.patient.familyName.toUpperCase()}, ${c.patient.givenName}`, mrn: c.patient.mrn },
      day: c.carePlan ? daysBetween(dayOfColumn(c.carePlan.operationDay), date) : null,
      lastWoundState: c.dressingRecords[0]?.woundState ?? null,
    });
    return {
      date,
      timeZone: site.timeZone,
      items: [
        ...rows.map((r) => ({
          appointmentId: r.id,
          visitId: r.dressingVisitId,
          ...about(r.case),
          start: r.startsAt.toISOString(),
          dueOn: r.dressingVisit ? dayOfColumn(r.dressingVisit.dueOn) : null,
          nurse: r.clinician?.name ?? null,
          place: r.room?.name ?? "Home visit",
          recorded: r.dressingRecord
            ? { woundState: r.dressingRecord.woundState, notes: r.dressingRecord.notes }
            : null,
        })),
        ...due.map((v) => {
          const record = v.records[0];
          return {
            appointmentId: null,
            visitId: v.id,
            ...about(v.case),
            start: null,
            dueOn: date,
            nurse: record?.nurse.name ?? null,
            place: "Not booked",
            recorded: record ? { woundState: record.woundState, notes: record.notes } : null,
          };
        }),
      ],
    };
  });
}
