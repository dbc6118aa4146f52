// The alerts a case raises after the operation (PO-1, PO-3, PO-4), derived from its record;
// the board that shows them and their acknowledgements is in recovery-board.ts.
import { dayOfColumn } from "@/lib/db/dates";
import type { Prisma } from "@/lib/db/generated/client";
import { policiesOf } from "@/lib/domain/policies";
import { missedVisits, recoveryAlerts, type Alert } from "@/lib/domain/recovery";
import { dayOf } from "@/lib/domain/time";

const planItemAppointments = {
  OR: [{ status: "booked" as const }, { attendance: "did_not_attend" as const }],
} satisfies Prisma.AppointmentWhereInput;

type PlanItemAppointment = { id: string; status: string; attendance: string | null };
export const holds = (a: PlanItemAppointment) => a.status === "booked" && a.attendance !== "did_not_attend";

/** The last appointment of a visit or session that the patient did not attend, if any, and whether another holds it now. */
function notAttendedOf(appointments: PlanItemAppointment[]) {
  const absent = appointments.filter((a) => a.attendance === "did_not_attend").at(-1);
  return absent ? { appointmentId: absent.id, bookedAgain: appointments.some(holds) } : undefined;
}

/** What a case's alerts are derived from (`alertsOf`). */
export const boardInclude = {
  patient: true,
  site: true,
  carePlan: true,
  clearances: true,
  dressings: {
    include: {
      records: true,
      // The live ones, and any the patient did not attend (those no longer hold the visit).
      appointments: { where: planItemAppointments, orderBy: { startsAt: "asc" as const } },
    },
    orderBy: { dueOn: "asc" as const },
  },
  physio: {
    where: { status: "planned" as const, appointments: { some: { attendance: "did_not_attend" as const } } },
    include: { appointments: { where: planItemAppointments, orderBy: { startsAt: "asc" as const } } },
  },
  dressingRecords: { orderBy: { recordedAt: "asc" as const }, include: { dressingVisit: { select: { dueOn: true } } } },
  physioRecords: { select: { id: true } },
  alertAcknowledgements: { select: { alerts: { select: { alertKey: true } } } },
  complications: { select: { dressingRecordId: true } },
};

export type BoardCase = Prisma.ClinicalCaseGetPayload<{ include: typeof boardInclude }>;

/** The case's clearances for the milestones (PO-6). */
export const clearancesOf = (c: Pick<BoardCase, "clearances">) =>
  c.clearances.map((x) => ({ activity: x.activity, sport: x.sport, clearedOn: dayOfColumn(x.clearedOn) }));

/** Every alert the case raises today, acknowledged or not (PO-1, PO-3, PO-4); none before the plan exists. */
export function alertsOf(c: BoardCase, now: Date): Alert[] {
  if (!c.carePlan) return [];
  const today = dayOf(now, c.site.timeZone);
  const visits = c.dressings.map((v) => ({
    id: v.id,
    dueOn: dayOfColumn(v.dueOn),
    status: v.status,
    recorded: v.records.length > 0,
    notAttended: notAttendedOf(v.appointments),
  }));
  return recoveryAlerts(
    {
      operationDay: dayOfColumn(c.carePlan.operationDay),
      crutchesWeanedOn: c.carePlan.crutchesWeanedOn ? dayOfColumn(c.carePlan.crutchesWeanedOn) : null,
      clearances: clearancesOf(c),
      infections: c.dressingRecords
        .filter((r) => r.woundState === "signs_of_infection")
        .map((r) => ({
          recordId: r.id,
          day: dayOfColumn(r.dressingVisit.dueOn),
          complicationRecorded: c.complications.some((x) => x.dressingRecordId === r.id),
        })),
      missed: missedVisits(
        visits.map((v) => ({ ...v, notAttended: v.notAttended !== undefined })),
        today,
      ).map((v) => ({ visitId: v.id, dueOn: v.dueOn, notAttended: visits.find((x) => x.id === v.id)!.notAttended })),
      physioNotAttended: c.physio.flatMap((session) => {
        const absent = notAttendedOf(session.appointments)!;
        const at = session.appointments.find((a) => a.id === absent.appointmentId)!.startsAt;
        return [{ sessionId: session.id, number: session.number, day: dayOf(at, c.site.timeZone), ...absent }];
      }),
      physioStarted: c.physioRecords.length > 0,
    },
    today,
    policiesOf(c.site.policies),
  );
}
