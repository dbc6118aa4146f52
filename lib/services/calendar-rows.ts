// The calendar's rows in one SQL statement: each appointment with its patient, people, room,
// plan item, whether it is recorded, and its history. Prisma's reader for the same `include`
// spent two thirds of a calendar request's CPU turning its nested JSON back into objects
// (bench:api profile of a clinician's week, 150 appointments); here the database builds only
// the history's JSON and the rest comes back as plain columns. The lookups are scalar subqueries,
// not joins: with six joins PostgreSQL spent 20 ms planning a 13 ms query, with these 5 ms.
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Admission, AppointmentKind, AppointmentStatus, Attendance } from "@/lib/db/generated/enums";

/** One appointment as the calendar shows it (lib/services/calendar.ts `present`). */
export type CalendarRow = {
  id: string;
  caseId: string;
  patientId: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  startsAt: Date;
  endsAt: Date;
  admission: Admission | null;
  /** When it was booked. */
  createdAt: Date;
  patient: { id: string; familyName: string; givenName: string; mrn: string };
  clinician: { id: string; name: string } | null;
  anaesthetist: { id: string; name: string } | null;
  room: { id: string; name: string } | null;
  dressingDueOn: Date | null;
  dressingVisitId: string | null;
  physioSession: number | null;
  physioSessionId: string | null;
  recorded: boolean;
  attendance: Attendance | null;
  attendanceRecord: { at: Date; by: string } | null;
  events: { action: string; at: Date; by: string; reason: string | null; startsAt: Date; endsAt: Date }[];
};

type SqlRow = {
  id: string;
  case_id: string;
  patient_id: string;
  kind: AppointmentKind;
  status: AppointmentStatus;
  starts_at: Date;
  ends_at: Date;
  admission: Admission | null;
  created_at: Date;
  given_name: string;
  family_name: string;
  mrn: string;
  clinician_id: string | null;
  clinician_name: string | null;
  anaesthetist_id: string | null;
  anaesthetist_name: string | null;
  room_id: string | null;
  room_name: string | null;
  due_on: Date | null;
  dressing_visit_id: string | null;
  physio_number: number | null;
  physio_session_id: string | null;
  recorded: boolean;
  attendance: Attendance | null;
  attendance_at: Date | null;
  attendance_by: string | null;
  history: { action: string; at: string; by: string; reason: string | null; startsAt: string; endsAt: string }[];
};

const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/**
 * The appointments matching `where` (a condition on `a`, the appointment), in (start, id) order,
 * at most `limit`, read through `tx` (or the client). Timestamps are instants; `dressingDueOn`
 * is the plan's calendar day as a DATE column value (read it with dayOfColumn).
 */
export async function calendarRows(
  tx: Pick<Tx, "$queryRaw">,
  where: Prisma.Sql,
  limit: number,
): Promise<CalendarRow[]> {
  const rows = await tx.$queryRaw<SqlRow[]>`
    SELECT a.id, a.case_id, a.patient_id, a.kind::text AS kind, a.status::text AS status, a.starts_at, a.ends_at,
           a.admission::text AS admission, a.created_at, p.given_name, p.family_name, p.mrn,
           a.clinician_id, (SELECT name FROM staff WHERE id = a.clinician_id) AS clinician_name,
           a.anaesthetist_id, (SELECT name FROM staff WHERE id = a.anaesthetist_id) AS anaesthetist_name,
           a.room_id, (SELECT name FROM room WHERE id = a.room_id) AS room_name,
           a.dressing_visit_id, (SELECT due_on FROM dressing_visit WHERE id = a.dressing_visit_id) AS due_on,
           a.physio_session_id, (SELECT number FROM physio_session WHERE id = a.physio_session_id) AS physio_number,
           a.attendance::text AS attendance, a.attendance_at,
           (SELECT name FROM staff WHERE id = a.attendance_by) AS attendance_by,
           (EXISTS (SELECT 1 FROM dressing_record dr WHERE dr.appointment_id = a.id)
             OR EXISTS (SELECT 1 FROM physio_record pr WHERE pr.appointment_id = a.id)) AS recorded,
           COALESCE((SELECT json_agg(json_build_object('action', e.action, 'at', e.at, 'by', s.name, 'reason', e.reason,
                                                       'startsAt', e.starts_at, 'endsAt', e.ends_at) ORDER BY e.id)
                       FROM appointment_event e JOIN staff s ON s.id = e.by_id
                      WHERE e.appointment_id = a.id), '[]'::json) AS history
      FROM appointment a
      JOIN patient p ON p.id = a.patient_id
     WHERE ${where}
     ORDER BY a.starts_at, a.id
     LIMIT ${limit}`;
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    patientId: row.patient_id,
    kind: row.kind,
    status: row.status,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    admission: row.admission,
    createdAt: row.created_at,
    patient: { id: row.patient_id, familyName: row.family_name, givenName: row.given_name, mrn: row.mrn },
    clinician: person(row.clinician_id, row.clinician_name),
    anaesthetist: person(row.anaesthetist_id, row.anaesthetist_name),
    room: person(row.room_id, row.room_name),
    dressingDueOn: row.due_on,
    dressingVisitId: row.dressing_visit_id,
    physioSession: row.physio_number,
    physioSessionId: row.physio_session_id,
    recorded: row.recorded,
    attendance: row.attendance,
    attendanceRecord:
      row.attendance_at && row.attendance_by !== null ? { at: row.attendance_at, by: row.attendance_by } : null,
    events: row.history.map((e) => ({
      action: e.action,
      at: new Date(e.at),
      by: e.by,
      reason: e.reason,
      startsAt: new Date(e.startsAt),
      endsAt: new Date(e.endsAt),
    })),
  }));
}
