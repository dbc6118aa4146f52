// What `npm run bench:api` measures: each read and write of the API as a screen of the app calls
// it (lib/http/endpoints.ts), who calls it, and for each read the same rows fetched in SQL.
import type { Client } from "pg";
import { addDays, dayOf, instantAt, type Day } from "@/lib/domain/time";
import { ids, idOf, recoveryCases, referredCase, surgeons, timeZone } from "./api-data";
import type { Floor, HttpRequest } from "./api-load";

export type Role = "reception" | "nurse" | "surgeon";
export type Target = { name: string; role: Role; request: HttpRequest; floor?: Floor; read: boolean };

// The calendar's columns: the appointment, its patient, people, room, plan item, record and history,
// as lib/services/calendar-rows.ts reads them (lookups as scalar subqueries: as joins, planning
// the statement took longer than running it).
const appointmentRows = (where: string, limit: number) => `
  SELECT a.*, p.given_name, p.family_name, p.mrn,
         (SELECT name FROM staff WHERE id = a.clinician_id) AS clinician_name,
         (SELECT name FROM staff WHERE id = a.anaesthetist_id) AS anaesthetist_name,
         (SELECT name FROM room WHERE id = a.room_id) AS room_name,
         (SELECT due_on FROM dressing_visit WHERE id = a.dressing_visit_id) AS due_on,
         (SELECT number FROM physio_session WHERE id = a.physio_session_id) AS number,
         (EXISTS (SELECT 1 FROM dressing_record dr WHERE dr.appointment_id = a.id)
           OR EXISTS (SELECT 1 FROM physio_record pr WHERE pr.appointment_id = a.id)) AS recorded,
         (SELECT json_agg(json_build_object('action', e.action, 'at', e.at, 'by', s.name, 'reason', e.reason,
                                            'start', e.starts_at, 'end', e.ends_at) ORDER BY e.id)
            FROM appointment_event e JOIN staff s ON s.id = e.by_id WHERE e.appointment_id = a.id) AS history
  FROM appointment a JOIN patient p ON p.id = a.patient_id
  WHERE ${where}
  ORDER BY a.starts_at, a.id LIMIT ${limit}`;

const inPeriod = `a.starts_at >= $1::timestamptz - interval '1 day' AND a.starts_at < $2 AND a.ends_at > $1`;

// The patient search's columns and order (lib/services/patients.ts).
const patientRows = (where: string) => `
  SELECT id, mrn, given_name, family_name, birth_date, sex::text, phone, email, created_at, updated_at
  FROM patient WHERE ${where} ORDER BY family_name, given_name, id LIMIT 26`;

// A case page's record: the case, its patient and site, and every part of its pathway.
const caseRows = `
  SELECT c.*, p.given_name, p.family_name, p.mrn, s.time_zone,
    (SELECT json_agg(t ORDER BY t.at) FROM case_transition t WHERE t.case_id = c.id) AS transitions,
    (SELECT json_agg(i) FROM imaging_study i WHERE i.case_id = c.id) AS imaging,
    (SELECT json_agg(i) FROM diagnostic_injection i WHERE i.case_id = c.id) AS injections,
    (SELECT json_agg(f) FROM first_line_course f WHERE f.case_id = c.id) AS courses,
    (SELECT row_to_json(l) FROM surgical_listing l WHERE l.case_id = c.id) AS listing,
    (SELECT json_agg(x) FROM anaesthesia_assessment x WHERE x.case_id = c.id) AS assessments,
    (SELECT row_to_json(o) FROM operation o WHERE o.case_id = c.id) AS operation,
    (SELECT row_to_json(cp) FROM care_plan cp WHERE cp.case_id = c.id) AS care_plan,
    (SELECT json_agg(v ORDER BY v.due_on) FROM dressing_visit v WHERE v.case_id = c.id) AS dressings,
    (SELECT json_agg(v) FROM physio_session v WHERE v.case_id = c.id) AS physio,
    (SELECT json_agg(x) FROM clearance x WHERE x.case_id = c.id) AS clearances,
    (SELECT json_agg(x) FROM alert_acknowledgement x WHERE x.case_id = c.id) AS acknowledgements
  FROM clinical_case c JOIN patient p ON p.id = c.patient_id JOIN site s ON s.id = c.site_id
  WHERE c.id = $1`;

// The nurse's round: the day's booked dressings, and the visits due that day and not booked.
const roundRows = `
  SELECT (SELECT json_agg(x) FROM (${appointmentRows(`a.site_id = $3 AND a.kind = 'dressing' AND a.status = 'booked' AND a.starts_at >= $1 AND a.starts_at < $2`, 1000)}) x) AS booked,
         (SELECT json_agg(json_build_object('visit', v, 'patient', p)) FROM dressing_visit v
            JOIN clinical_case c ON c.id = v.case_id JOIN patient p ON p.id = c.patient_id
           WHERE v.due_on = $4::date AND v.status IN ('planned', 'done') AND c.site_id = $3 AND c.status IN ('operated', 'recovery')
             AND NOT EXISTS (SELECT 1 FROM appointment b WHERE b.dressing_visit_id = v.id AND b.status = 'booked')) AS due`;

// The recovery board: operated cases with plan, visits (records, booked appointments), records.
const boardRows = `
  SELECT c.*, row_to_json(p) AS patient, row_to_json(cp) AS care_plan,
    (SELECT json_agg(x) FROM clearance x WHERE x.case_id = c.id) AS clearances,
    (SELECT json_agg(json_build_object('visit', v,
        'records', (SELECT json_agg(r) FROM dressing_record r WHERE r.dressing_visit_id = v.id),
        'booked', (SELECT json_agg(b ORDER BY b.starts_at) FROM appointment b WHERE b.dressing_visit_id = v.id AND b.status = 'booked'))
      ORDER BY v.due_on) FROM dressing_visit v WHERE v.case_id = c.id) AS dressings,
    (SELECT json_agg(r ORDER BY r.recorded_at) FROM dressing_record r WHERE r.case_id = c.id) AS records,
    (SELECT json_agg(r.id) FROM physio_record r WHERE r.case_id = c.id) AS physio_records,
    (SELECT json_agg(x) FROM alert_acknowledgement x WHERE x.case_id = c.id) AS acknowledgements
  FROM clinical_case c JOIN patient p ON p.id = c.patient_id LEFT JOIN care_plan cp ON cp.case_id = c.id
  WHERE c.status IN ('operated', 'recovery') ORDER BY c.status_changed_at DESC`;

const query = (path: string, params: Record<string, string>) => `${path}?${new URLSearchParams(params)}`;
const mondayOf = (day: Day) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
const dayPeriod = (first: Day, days: number) => ({
  from: instantAt(first, 0, 0, timeZone).toISOString(),
  to: instantAt(addDays(first, days), 0, 0, timeZone).toISOString(),
});

/**
 * Booking requests, each in a slot no one holds: consultations five years ahead (past every
 * loaded appointment), 20 surgeons in their own rooms side by side, 08:00-18:00 local on
 * weekdays, each slot with 20 different referred cases.
 */
function bookings(today: Day, patients: number) {
  const pool = patients - recoveryCases(patients);
  const referred = Array.from({ length: pool }, (_, n) => n).filter(referredCase);
  const firstMonday = mondayOf(addDays(today, 5 * 364));
  let next = 0;
  return () => {
    const b = next++;
    const surgeon = b % surgeons;
    const slot = Math.floor(b / surgeons) % 30;
    const weekday = Math.floor(b / (surgeons * 30));
    const day = addDays(firstMonday, Math.floor(weekday / 5) * 7 + (weekday % 5));
    const start = new Date(instantAt(day, 8, 0, timeZone).getTime() + slot * 20 * 60_000);
    return {
      path: "/api/v1/appointments",
      body: {
        caseId: ids.case(referred[b % referred.length]!),
        kind: "consultation",
        start: start.toISOString(),
        clinicianId: ids.surgeon(surgeon),
        roomId: ids.room(surgeon),
      },
    };
  };
}

/** The booked dressings on or before today not yet recorded: each recorded once, in turn. */
async function recordings(client: Client) {
  const { rows } = await client.query<{ id: string }>(
    `SELECT a.id FROM appointment a WHERE a.kind = 'dressing' AND a.status = 'booked' AND a.starts_at < $1
       AND NOT EXISTS (SELECT 1 FROM dressing_record r WHERE r.appointment_id = a.id) ORDER BY a.starts_at, a.id`,
    [instantAt(addDays(dayOf(new Date(), timeZone), 1), 0, 0, timeZone)],
  );
  let next = 0;
  const count = rows.length;
  return {
    count,
    next: () => {
      const row = rows[next++];
      return row ? { path: `/api/v1/appointments/${row.id}/dressing-record`, body: { woundState: "clean_dry" } } : null;
    },
  };
}

/** Every target, reads first (their rows unchanged by the writes that follow). */
export async function targetsFor(client: Client, patients: number): Promise<{ targets: Target[]; recordable: number }> {
  const today = dayOf(new Date(), timeZone);
  const day = dayPeriod(today, 1);
  const week = dayPeriod(mondayOf(today), 7);
  const clinician = ids.surgeon(6);
  const mrn = `P${String(Math.floor(patients / 2)).padStart(7, "0")}`;
  const richCase = ids.case(patients - recoveryCases(patients));
  const record = await recordings(client);
  const calendar = (name: string, period: { from: string; to: string }, clinicianId?: string): Target => ({
    name,
    role: "reception",
    read: true,
    request: {
      method: "GET",
      path: query("/api/v1/appointments", { ...(clinicianId ? { clinicianId } : {}), ...period }),
    },
    floor: {
      sql: appointmentRows(
        clinicianId ? `(a.clinician_id = $3 OR a.anaesthetist_id = $3) AND ${inPeriod}` : inPeriod,
        201,
      ),
      params: clinicianId ? [period.from, period.to, clinicianId] : [period.from, period.to],
    },
  });
  const targets: Target[] = [
    {
      name: "health",
      role: "reception",
      read: true,
      request: { method: "GET", path: "/api/health" },
      floor: { sql: "SELECT 1", params: [] },
    },
    calendar("calendar-day", day, clinician),
    calendar("calendar-week", week, clinician),
    calendar("site-day", day),
    {
      name: "search-name",
      role: "reception",
      read: true,
      request: { method: "GET", path: query("/api/v1/patients", { q: "smi", limit: "25" }) },
      floor: { sql: patientRows(`search_name LIKE '%' || lower(immutable_unaccent($1)) || '%'`), params: ["smi"] },
    },
    {
      name: "search-mrn",
      role: "reception",
      read: true,
      request: { method: "GET", path: query("/api/v1/patients", { q: mrn, limit: "25" }) },
      floor: { sql: patientRows("mrn = $1"), params: [mrn] },
    },
    {
      name: "case-page",
      role: "surgeon",
      read: true,
      request: { method: "GET", path: `/api/v1/cases/${richCase}` },
      floor: { sql: caseRows, params: [richCase] },
    },
    {
      name: "dressing-round",
      role: "nurse",
      read: true,
      request: { method: "GET", path: "/api/v1/dressing-round" },
      floor: { sql: roundRows, params: [day.from, day.to, ids.site, today] },
    },
    {
      name: "recovery-board",
      role: "surgeon",
      read: true,
      request: { method: "GET", path: "/api/v1/recovery-board" },
      floor: { sql: boardRows, params: [] },
    },
    {
      name: "book",
      role: "reception",
      read: false,
      request: { method: "POST", path: "/api/v1/appointments", next: bookings(today, patients) },
    },
    {
      name: "record-dressing",
      role: "nurse",
      read: false,
      request: {
        method: "POST",
        path: `/api/v1/appointments/${idOf("a6000000", 0)}/dressing-record`,
        next: record.next,
      },
    },
  ];
  return { targets, recordable: record.count };
}
