// The data `npm run bench:api` runs on, loaded in SQL with generate_series (never through the
// API, so 500,000 appointments load in a minute rather than hours). Every id is derived from a
// number, so targets can name rows without reading them back, and loading more appointments
// later continues the same series.
import type { Client } from "pg";

export const timeZone = "Europe/London";
export const password = "bench-password";
/** Surgeons with a consulting room each; every calendar slot holds one appointment of each. */
export const surgeons = 20;
const nurses = 8;
const slotsPerDay = 30; // 08:00-18:00 local, 20 minutes each

/** A deterministic uuid (version 4 and variant bits set, as the API's validation requires): `prefix` (8 hex digits) names the table, `n` the row. */
export const idOf = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}`;
const sqlId = (prefix: string, n: string) => `('${prefix}-0000-4000-8000-' || lpad((${n})::text, 12, '0'))::uuid`;

export const ids = {
  site: idOf("a0000000", 1),
  /** Accounts that sign in: reception 1, nurse 2, surgeon 3, anaesthetist 4, physio 5, admin 6. */
  staff: (n: number) => idOf("a1000000", n),
  surgeon: (i: number) => idOf("a1000000", 101 + i),
  room: (i: number) => idOf("a2000000", 1 + i),
  patient: (n: number) => idOf("a3000000", n),
  case: (n: number) => idOf("a4000000", n),
  recoveryAppointment: (n: number) => idOf("a6000000", n),
};
export const roles = ["reception", "nurse", "surgeon", "anaesthetist", "physio", "admin"] as const;
export const emailOf = (role: string) => `${role}@bench.clinic`;

/** How many cases are in recovery (the round and the board), in proportion to the patients. */
export const recoveryCases = (patients: number) => Math.max(20, Math.min(200, Math.floor(patients / 500)));

/** A case open for a first consultation (status "referred"): every 20th patient from 0, and 1..5 after it. */
export const referredCase = (n: number) => n % 20 < 6;

/**
 * Site, staff with working hours (one signing-in account per role, `passwordHash` for all of
 * them, plus 20 surgeons and 8 nurses), rooms with opening hours, `patients` patients with one
 * case each (statuses spread over the pathway; imaging and first-line courses in proportion),
 * and the cases in recovery with their operation, care plan, dressing visits and booked dressings.
 */
export async function loadBase(client: Client, patients: number, passwordHash: string): Promise<void> {
  const recovery = recoveryCases(patients);
  const firstRecovery = patients - recovery;
  const hash = client.escapeLiteral(passwordHash);
  const roleList = client.escapeLiteral(`{${roles.join(",")}}`);
  await client.query(`
    INSERT INTO site (id, name, time_zone) VALUES ('${ids.site}'::uuid, 'Bench clinic', '${timeZone}');
    INSERT INTO staff (id, site_id, email, name, role, password_hash)
      SELECT ${sqlId("a1000000", "i")}, '${ids.site}'::uuid, r || '@bench.clinic', 'Bench ' || initcap(r), r::"StaffRole", ${hash}
      FROM unnest(${roleList}::text[]) WITH ORDINALITY AS t(r, i);
    INSERT INTO staff (id, site_id, email, name, role, password_hash)
      SELECT ${sqlId("a1000000", "100 + i")}, '${ids.site}'::uuid, 'surgeon' || i || '@bench.clinic', 'Surgeon ' || i, 'surgeon'::"StaffRole", ${hash}
      FROM generate_series(1, ${surgeons}) i
      UNION ALL
      SELECT ${sqlId("a1000000", "200 + i")}, '${ids.site}'::uuid, 'nurse' || i || '@bench.clinic', 'Nurse ' || i, 'nurse'::"StaffRole", ${hash}
      FROM generate_series(1, ${nurses}) i;
    INSERT INTO working_hours (staff_id, weekday, starts_at, ends_at)
      SELECT s.id, d, '08:00', '18:00' FROM staff s, generate_series(1, 5) d;
    INSERT INTO room (id, site_id, name, kind)
      SELECT ${sqlId("a2000000", "i")}, '${ids.site}'::uuid, 'Room ' || i,
             (CASE WHEN i <= ${surgeons} THEN 'consulting' ELSE (ARRAY['dressing','theatre','imaging','physio'])[1 + (i - ${surgeons} - 1) / 2] END)::"RoomKind"
      FROM generate_series(1, ${surgeons + 8}) i;
    INSERT INTO room_hours (room_id, weekday, starts_at, ends_at)
      SELECT r.id, d, '08:00', '18:00' FROM room r, generate_series(1, 5) d;`);
  const given = ["Zoë", "José", "Siobhán", "Björn", "Amélie", "Oliver", "Aisha", "Liam", "Chloé", "Mateusz", "Grace"];
  const family = ["Lambert", "García", "O'Brien", "Dubois", "Smith", "Khan", "Murphy", "Lefèvre", "Nowak", "Taylor"];
  // Patients in number order, so patient n has MRN P(n+1) from the sequence.
  await client.query(
    `INSERT INTO patient (id, given_name, family_name, birth_date, sex, phone)
     SELECT ${sqlId("a3000000", "i")}, ($1::text[])[1 + (i % 11)], ($2::text[])[1 + ((i / 11) % 10)] || to_char(i, 'FM000000'),
            date '1940-01-01' + (i * 7 % 25000), (ARRAY['female','male'])[1 + i % 2]::"Sex", '07700 ' || lpad((i % 1000000)::text, 6, '0')
     FROM generate_series(0, $3::int - 1) AS i ORDER BY i`,
    [given, family, patients],
  );
  // One case per patient; those after `firstRecovery` are in recovery.
  await client.query(
    `INSERT INTO clinical_case (id, patient_id, site_id, side, mechanism, status, status_changed_at, referred_on, created_by)
     SELECT ${sqlId("a4000000", "i")}, ${sqlId("a3000000", "i")}, '${ids.site}'::uuid, (ARRAY['left','right'])[1 + i % 2]::"CaseSide",
            (ARRAY['traumatic','microtrauma','unknown'])[1 + i % 3]::"Mechanism",
            (CASE WHEN i >= $2 THEN 'recovery'
                  ELSE (ARRAY['referred','referred','referred','referred','referred','referred','diagnosed','diagnosed','diagnosed',
                             'first_line','first_line','first_line','first_line','closed_resolved','closed_resolved','closed_resolved',
                             'closed_resolved','discharged','discharged','cancelled'])[1 + i % 20] END)::"CaseStatus",
            now() - (i % 1000) * interval '1 day', current_date - (i % 1000), '${ids.staff(1)}'::uuid
     FROM generate_series(0, $1::int - 1) AS i`,
    [patients, firstRecovery],
  );
  await client.query(
    `INSERT INTO case_transition (case_id, from_status, to_status, at, by_id, reason)
       SELECT id, NULL, 'referred', created_at, created_by, 'Referred' FROM clinical_case;
     INSERT INTO imaging_study (case_id, modality, performed_on, findings, supports_diagnosis, recorded_by)
       SELECT id, 'mri', referred_on + 7, 'Os trigonum with surrounding oedema', true, '${ids.staff(3)}'::uuid
       FROM clinical_case WHERE status NOT IN ('referred', 'cancelled');
     INSERT INTO first_line_course (case_id, started_on, pain_severity, measures, recorded_by)
       SELECT id, referred_on + 14, 'moderate', '{analgesics,cryotherapy,physiotherapy}', '${ids.staff(3)}'::uuid
       FROM clinical_case WHERE status IN ('first_line', 'closed_resolved', 'discharged', 'recovery')`,
  );
  await loadRecovery(client, firstRecovery, recovery);
}

/**
 * The cases in recovery: operated 15-20 days ago, a care plan, dressing visits every other day
 * to day 30; the first one recorded, the others up to today booked with a nurse at home
 * (planned, not recorded: what the "recording a dressing" target records), the rest planned.
 */
async function loadRecovery(client: Client, first: number, count: number) {
  const kase = sqlId("a4000000", `${first} + j`);
  await client.query(`
    CREATE TEMP TABLE bench_recovery AS
      SELECT j, ${kase} AS case_id, ${sqlId("a3000000", `${first} + j`)} AS patient_id, current_date - 20 + (j % 6) AS d0
      FROM generate_series(0, ${count - 1}) j;
    INSERT INTO surgical_listing (case_id, listed_on, surgeon_id) SELECT case_id, d0 - 30, '${ids.staff(3)}'::uuid FROM bench_recovery;
    INSERT INTO anaesthesia_assessment (id, case_id, assessed_on, asa_grade, anaesthesia_type, home_support, anaesthetist_id)
      SELECT ${sqlId("a8000000", "j")}, case_id, d0 - 14, 1, 'general', true, '${ids.staff(4)}'::uuid FROM bench_recovery;
    INSERT INTO operation (case_id, assessment_id, performed_at, operation_day, procedure, anaesthesia_given, findings, discharge_analgesia, surgeon_id)
      SELECT case_id, ${sqlId("a8000000", "j")}, (d0 + time '09:00') AT TIME ZONE '${timeZone}', d0,
             'Posterior arthroscopic excision of os trigonum', 'general', 'Os trigonum excised', 'Paracetamol', '${ids.staff(3)}'::uuid
      FROM bench_recovery;
    INSERT INTO care_plan (case_id, operation_day, time_zone, crutch_review_from, crutch_review_to, instructions)
      SELECT case_id, d0, '${timeZone}', d0 + 10, d0 + 14, '["Keep the dressing dry", "Elevate the foot"]' FROM bench_recovery;
    INSERT INTO dressing_visit (id, case_id, due_on, status)
      SELECT ${sqlId("a7000000", "j * 100 + m")}, case_id, d0 + 2 * m, (CASE WHEN m = 1 THEN 'done' ELSE 'planned' END)::"DressingStatus"
      FROM bench_recovery, generate_series(1, 15) m;
    INSERT INTO dressing_record (dressing_visit_id, case_id, wound_state, nurse_id, recorded_at)
      SELECT ${sqlId("a7000000", "j * 100 + 1")}, case_id, 'clean_dry', '${ids.staff(2)}'::uuid, (d0 + 2 + time '10:00') AT TIME ZONE '${timeZone}'
      FROM bench_recovery;
    INSERT INTO appointment (id, site_id, case_id, patient_id, kind, starts_at, ends_at, clinician_id, dressing_visit_id, created_by)
      SELECT ${sqlId("a6000000", "j * 100 + m")}, '${ids.site}'::uuid, case_id, patient_id, 'dressing', t, t + interval '20 minutes',
             ${sqlId("a1000000", `201 + j % ${nurses}`)}, ${sqlId("a7000000", "j * 100 + m")}, '${ids.staff(1)}'::uuid
      FROM bench_recovery, generate_series(2, 15) m,
           LATERAL (SELECT (d0 + 2 * m + time '08:00' + (j / ${nurses}) * interval '20 minutes') AT TIME ZONE '${timeZone}' AS t) s
      WHERE d0 + 2 * m <= current_date;`);
  await addResourcesAndEvents(client, "a6000000");
  await client.query(`DROP TABLE bench_recovery`);
}

/** The booked resources (clinician, room, patient; active unless cancelled) and "booked" event of appointments whose id starts with `prefix`, from `after` on. */
async function addResourcesAndEvents(client: Client, prefix: string, after = 0) {
  const where = `id >= '${idOf(prefix, after)}' AND id <= '${idOf(prefix, 999_999_999_999)}'`;
  await client.query(`
    INSERT INTO appointment_resource (appointment_id, resource_kind, resource_id, period, active)
      SELECT id, 'clinician'::"ResourceKind", clinician_id, tstzrange(starts_at, ends_at), status = 'booked' FROM appointment WHERE ${where} AND clinician_id IS NOT NULL
      UNION ALL SELECT id, 'room'::"ResourceKind", room_id, tstzrange(starts_at, ends_at), status = 'booked' FROM appointment WHERE ${where} AND room_id IS NOT NULL
      UNION ALL SELECT id, 'patient'::"ResourceKind", patient_id, tstzrange(starts_at, ends_at), status = 'booked' FROM appointment WHERE ${where};
    INSERT INTO appointment_event (appointment_id, action, at, by_id, starts_at, ends_at)
      SELECT id, 'booked', starts_at - interval '14 days', created_by, starts_at, ends_at FROM appointment WHERE ${where};`);
}

/**
 * Appointments number `from` to `to - 1` (consultations and follow-ups, 1 in 20 cancelled), in
 * 20-minute slots 08:00-18:00 local on weekdays, each slot holding one appointment of each
 * surgeon in their own room. The days spiral out from this week's Monday (this week, last week,
 * next week…), so the current week is full at every size and the table grows into past and
 * future alike. Patients are taken in a stride that never puts one in two places at once.
 */
export async function loadAppointments(client: Client, from: number, to: number, patients: number) {
  const pool = patients - recoveryCases(patients);
  await client.query(
    `INSERT INTO appointment (id, site_id, case_id, patient_id, kind, status, starts_at, ends_at, clinician_id, room_id, created_by)
     SELECT ${sqlId("a5000000", "i")}, '${ids.site}'::uuid, ${sqlId("a4000000", "p")}, ${sqlId("a3000000", "p")},
            (CASE WHEN i % 3 = 0 THEN 'follow_up' ELSE 'consultation' END)::"AppointmentKind",
            (CASE WHEN i % 20 = 7 THEN 'cancelled' ELSE 'booked' END)::"AppointmentStatus",
            t, t + interval '20 minutes', ${sqlId("a1000000", `101 + i % ${surgeons}`)}, ${sqlId("a2000000", `1 + i % ${surgeons}`)}, '${ids.staff(1)}'::uuid
     FROM generate_series($1::bigint, $2::bigint - 1) i,
     LATERAL (SELECT (i * 7919) % $3 AS p, (i / ${surgeons}) / ${slotsPerDay} AS k, (i / ${surgeons}) % ${slotsPerDay} AS s) a,
     LATERAL (SELECT CASE WHEN k % 2 = 0 THEN k / 2 ELSE -(k + 1) / 2 END AS w) b,
     LATERAL (SELECT ((date_trunc('week', current_date)::date + (floor(w / 5.0)::int * 7) + (w - floor(w / 5.0)::int * 5)::int)
                      + time '08:00' + s * interval '20 minutes') AT TIME ZONE '${timeZone}' AS t) c`,
    [from, to, pool],
  );
  await addResourcesAndEvents(client, "a5000000", from);
  await client.query("ANALYZE");
}
