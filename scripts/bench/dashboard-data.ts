// The dashboard benchmark's data: `count` operated cases over the last 14 months, each with the
// record the dashboard reads (listing, assessment, operation, care plan, dressing visits with
// their appointments and records, physiotherapy sessions held, clearances, pain scores, returns
// to activity, complications), generated in SQL. Then the checks that the data keeps the rules the
// dashboard assumes (OC-1..OC-3), so a benchmark never times a report over impossible records.
import type { Client } from "pg";

export const site = "00000000-0000-4000-8000-000000000001";
export const surgeon = "00000000-0000-4000-8001-000000000001";
const reception = "00000000-0000-4000-8002-000000000001";
const nurse = "00000000-0000-4000-8002-000000000002";
const physio = "00000000-0000-4000-8002-000000000003";
const anaesthetist = "00000000-0000-4000-8002-000000000004";
const zone = "Europe/London";

/** A uuid numbered `n` in the family `family` (four hex digits): stable ids to join the rows by. */
const id = (family: string, n: string) => `('00000000-0000-4000-${family}-' || lpad((${n})::text, 12, '0'))::uuid`;
const at = (day: string, time: string) => `((${day}) + time '${time}') AT TIME ZONE '${zone}'`;

export async function load(client: Client, count: number) {
  // One row per case with its days: D0 over the last 425 days, the referral 160-219 days before
  // it, the first-line course reviewed before the listing 40-69 days before D0, the assessment
  // 10-34 days before (one in a hundred 100 days before: expired at the operation, SX-3).
  await client.query(`
    CREATE TEMP TABLE bc AS
      SELECT i, ${id("8004", "i")} AS case_id, ${id("8003", "i")} AS patient_id, ${id("8005", "i")} AS assessment_id,
             d0, d0 - 160 - i % 60 AS referred, d0 - 40 - i % 30 AS listed,
             d0 - CASE WHEN i % 100 = 0 THEN 100 ELSE 10 + i % 25 END AS assessed,
             i % 12 = 5 AS no_better, t
      FROM generate_series(1, ${count}) i,
           LATERAL (SELECT (now() AT TIME ZONE '${zone}')::date AS t) today,
           LATERAL (SELECT t - 1 - (i * 7919) % 425 AS d0) operation;
    INSERT INTO site (id, name, time_zone) VALUES ('${site}', 'Bench', '${zone}');
    INSERT INTO staff (id, site_id, email, name, role, password_hash) VALUES
      ('${surgeon}', '${site}', 'surgeon@bench', 'Surgeon', 'surgeon', 'x'),
      ('${reception}', '${site}', 'reception@bench', 'Reception', 'reception', 'x'),
      ('${nurse}', '${site}', 'nurse@bench', 'Nurse', 'nurse', 'x'),
      ('${physio}', '${site}', 'physio@bench', 'Physio', 'physio', 'x'),
      ('${anaesthetist}', '${site}', 'anaesthetist@bench', 'Anaesthetist', 'anaesthetist', 'x');
    INSERT INTO patient (id, given_name, family_name, birth_date, sex)
      SELECT patient_id, 'Given', 'Family' || i, '1980-01-01', 'female' FROM bc;
    INSERT INTO clinical_case (id, patient_id, site_id, side, mechanism, referred_on, created_by, status)
      SELECT case_id, patient_id, '${site}', 'left', 'microtrauma', referred, '${reception}',
             (CASE WHEN d0 < t - 120 THEN 'discharged' ELSE 'recovery' END)::"CaseStatus" FROM bc;
    INSERT INTO imaging_study (case_id, modality, performed_on, findings, supports_diagnosis, recorded_by)
      SELECT case_id, 'mri', referred + 10 + i % 20, 'Os trigonum', true, '${surgeon}' FROM bc;
    INSERT INTO first_line_course (case_id, started_on, pain_severity, measures, outcome, reviewed_on, reviewed_by, recorded_by)
      SELECT case_id, referred + 30 + i % 10, 'moderate', '{analgesics,physiotherapy}', 'failed', listed - 5,
             '${surgeon}', '${surgeon}' FROM bc;
    INSERT INTO surgical_listing (case_id, listed_on, surgeon_id, priority)
      SELECT case_id, listed, '${surgeon}', 'P4' FROM bc;
    INSERT INTO anaesthesia_assessment (id, case_id, assessed_on, asa_grade, anaesthesia_type, home_support, anaesthetist_id)
      SELECT assessment_id, case_id, assessed, 1, 'locoregional', true, '${anaesthetist}' FROM bc;
    INSERT INTO operation (case_id, assessment_id, performed_at, operation_day, procedure, anaesthesia_given, findings, discharge_analgesia, surgeon_id)
      SELECT case_id, assessment_id, ${at("d0", "10:00")}, d0, 'Posterior ankle arthroscopy', 'locoregional',
             'Os trigonum excised', 'Paracetamol', '${surgeon}' FROM bc;
    -- PO-1: weaned D10-D16 (D16, one in seven, is late); not yet when that day is still to come.
    INSERT INTO care_plan (case_id, operation_day, time_zone, crutch_review_from, crutch_review_to, crutches_weaned_on, crutches_weaned_by, instructions)
      SELECT case_id, d0, '${zone}', d0 + 10, d0 + 15, CASE WHEN d0 + 10 + i % 7 <= t THEN d0 + 10 + i % 7 END,
             CASE WHEN d0 + 10 + i % 7 <= t THEN '${physio}'::uuid END, '[]' FROM bc;`);
  await withForeignKeysCheckedAfter(client, async () => {
    await loadRecovery(client);
    await loadOutcomes(client);
  });
  await client.query("ANALYZE");
}

/** The many-row tables: their foreign keys are checked once over all rows instead of row by row. */
const bulkTables = [
  "appointment",
  "dressing_visit",
  "dressing_record",
  "physio_session",
  "physio_record",
  "clearance",
  "pain_score",
  "activity_return",
  "complication",
];

/** Runs `work` with the bulk tables' foreign keys dropped, then adds them back, which checks every row. */
async function withForeignKeysCheckedAfter(client: Client, work: () => Promise<void>) {
  const { rows } = await client.query<{ relation: string; name: string; definition: string }>(
    `SELECT conrelid::regclass::text AS relation, conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text = ANY($1)`,
    [bulkTables],
  );
  for (const fk of rows) await client.query(`ALTER TABLE ${fk.relation} DROP CONSTRAINT "${fk.name}"`);
  await work();
  for (const fk of rows) await client.query(`ALTER TABLE ${fk.relation} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
}

/** PO-3 dressings D2-D14 (one in fifty misses D6; one in 33 has D8 recorded a day late), PO-4 physiotherapy. */
async function loadRecovery(client: Client) {
  await client.query(`
    INSERT INTO dressing_visit (id, case_id, due_on, status)
      SELECT ${id("8006", "i * 10 + k")}, case_id, d0 + 2 * k,
             (CASE WHEN d0 + 2 * k >= t THEN 'planned' WHEN i % 50 = 25 AND k = 3 THEN 'missed' ELSE 'done' END)::"DressingStatus"
      FROM bc, generate_series(1, 7) k;
    INSERT INTO appointment (id, site_id, case_id, patient_id, kind, starts_at, ends_at, clinician_id, created_by, dressing_visit_id, attendance, attendance_at, attendance_by)
      SELECT ${id("8007", "i * 10 + k")}, '${site}', case_id, patient_id, 'dressing', ${at("d0 + 2 * k", "09:00")},
             ${at("d0 + 2 * k", "09:30")}, '${nurse}', '${nurse}', ${id("8006", "i * 10 + k")}, 'attended',
             ${at("d0 + 2 * k", "17:00")}, '${nurse}'
      FROM bc, generate_series(1, 7) k WHERE d0 + 2 * k < t AND NOT (i % 50 = 25 AND k = 3);
    INSERT INTO dressing_record (id, appointment_id, dressing_visit_id, case_id, wound_state, nurse_id, recorded_at)
      SELECT ${id("8008", "i * 10 + k")}, ${id("8007", "i * 10 + k")}, ${id("8006", "i * 10 + k")}, case_id,
             (CASE WHEN k = 7 THEN 'healed' WHEN i % 40 = 0 AND k = 3 THEN 'signs_of_infection' WHEN k <= 2 THEN 'exudate'
                   ELSE 'clean_dry' END)::"WoundState",
             '${nurse}', ${at("d0 + 2 * k + CASE WHEN i % 33 = 0 AND k = 4 THEN 1 ELSE 0 END", "17:00")}
      FROM bc, generate_series(1, 7) k WHERE d0 + 2 * k < t AND NOT (i % 50 = 25 AND k = 3);
    -- Weekly sessions due by D7, D14, ...; the first held on D3 (D10, late, for one in twenty).
    INSERT INTO physio_session (id, case_id, number, earliest_on, due_by, status)
      SELECT ${id("8009", "i * 10 + n")}, case_id, n, d0 + 1 + 7 * (n - 1), d0 + 7 * n,
             (CASE WHEN d0 + 7 * n < t THEN 'done' ELSE 'planned' END)::"PhysioStatus"
      FROM bc, generate_series(1, 8) n;
    INSERT INTO appointment (id, site_id, case_id, patient_id, kind, starts_at, ends_at, clinician_id, created_by, physio_session_id, attendance, attendance_at, attendance_by)
      SELECT ${id("800a", "i * 10 + n")}, '${site}', case_id, patient_id, 'physio', ${at("held", "11:00")}, ${at("held", "11:45")},
             '${physio}', '${physio}', ${id("8009", "i * 10 + n")}, 'attended',
             ${at("held", "12:00")}, '${physio}'
      FROM bc, generate_series(1, 8) n,
           LATERAL (SELECT CASE WHEN n = 1 THEN d0 + CASE WHEN i % 20 = 0 THEN 10 ELSE 3 END ELSE d0 + 7 * n - 2 END AS held) h
      WHERE d0 + 7 * n < t;
    INSERT INTO physio_record (appointment_id, case_id, notes, physio_id, recorded_at)
      SELECT a.id, a.case_id, 'Exercises', '${physio}', a.starts_at + interval '1 hour' FROM appointment a WHERE a.kind = 'physio';`);
}

/** PO-6 clearances, OC-1 pain scores inside their windows, OC-2 returns after clearance, OC-3 complications. */
async function loadOutcomes(client: Client) {
  await client.query(`
    CREATE TEMP TABLE bcl AS
      SELECT i, case_id, d0, t, no_better, activity, day, sport FROM bc,
        LATERAL (VALUES ('cycling', d0 + 21 + i % 5, NULL), ('swimming', d0 + 21 + i % 7, NULL),
                        ('running', (d0 + interval '2 months')::date + i % 10, NULL),
                        ('other', CASE WHEN i % 3 <> 2 THEN d0 + 90 + i % 15 END, 'Ballet')) c(activity, day, sport)
      WHERE day <= t;
    INSERT INTO clearance (case_id, activity, sport, cleared_on, cleared_by)
      SELECT case_id, activity::"ClearanceActivity", sport, day, '${physio}' FROM bcl;
    -- Back a few days to weeks after each clearance; not yet back to running for one in ten, and
    -- never to running or sport when the pain did not improve.
    INSERT INTO activity_return (case_id, activity, sport, resumed_on, previous_level, recorded_by)
      SELECT case_id, (CASE activity WHEN 'other' THEN 'sport' ELSE activity END)::"ReturnActivity", sport,
             day + 3 + (i * 7) % 40, i % 4 <> 1, '${physio}'
      FROM bcl WHERE day + 3 + (i * 7) % 40 <= t
        AND NOT (no_better AND activity IN ('running', 'other')) AND NOT (i % 10 = 7 AND activity = 'running');
    INSERT INTO pain_score (case_id, recorded_on, score, timepoint, source, recorded_by)
      SELECT case_id, day, score, point::"PainTimepoint", 'clinician', '${surgeon}' FROM bc,
        LATERAL (SELECT (i * 3) % 11 - 5 AS j) jitter,
        LATERAL (VALUES
          ('referral', referred + i % 10, 6 + i % 3),
          ('listing', listed + i % 5 - 2, 6 + (i + 1) % 3),
          ('pre_op', d0 - 3 - i % 15, 6 + i % 2),
          ('week_6', d0 + 42 + j, CASE WHEN no_better THEN 6 ELSE 3 + i % 3 END),
          ('month_3', (d0 + interval '3 months')::date + j, CASE WHEN no_better THEN 6 ELSE 2 + i % 2 END),
          ('month_6', (d0 + interval '6 months')::date + j, CASE WHEN no_better THEN 5 ELSE 1 + i % 2 END),
          ('month_12', (d0 + interval '12 months')::date + j, CASE WHEN no_better THEN 6 ELSE i % 3 END)
        ) p(point, day, score)
      WHERE day <= t;
    INSERT INTO complication (case_id, occurred_on, kind, grade, notes, dressing_record_id, recorded_by)
      SELECT case_id, d0 + 6, 'wound_infection', 'II', 'Oral antibiotics', ${id("8008", "i * 10 + 3")}, '${surgeon}'
      FROM bc WHERE i % 40 = 0 AND d0 + 6 < t;
    INSERT INTO complication (case_id, occurred_on, kind, grade, notes, recorded_by)
      SELECT case_id, d0 + day, kind::"ComplicationKind", grade::"ClavienDindoGrade", 'Bench', '${surgeon}'
      FROM bc, LATERAL (VALUES (14, 'nerve_injury', 'I', 0), (18, 'deep_vein_thrombosis', 'II', 1), (40, 'crps', 'II', 2),
                               (200, 'recurrence', 'IIIb', 3), (30, 'tendon_injury', 'IIIa', 4)) c(day, kind, grade, r)
      WHERE i % 60 = 10 * r + 7 AND d0 + day <= t;`);
}

const windows = `
  CASE p.timepoint
    WHEN 'referral' THEN p.recorded_on BETWEEN c.referred_on AND c.referred_on + 14
    WHEN 'listing' THEN abs(p.recorded_on - l.listed_on) <= 14
    WHEN 'pre_op' THEN p.recorded_on BETWEEN o.operation_day - 30 AND o.operation_day
    WHEN 'week_6' THEN abs(p.recorded_on - (o.operation_day + 42)) <= 14
    WHEN 'month_3' THEN abs(p.recorded_on - (o.operation_day + interval '3 months')::date) <= 14
    WHEN 'month_6' THEN abs(p.recorded_on - (o.operation_day + interval '6 months')::date) <= 30
    WHEN 'month_12' THEN abs(p.recorded_on - (o.operation_day + interval '12 months')::date) <= 30
  END`;

/** Each check: a statement counting the rows that break it (0 when the data is consistent). */
const checks = (count: number, today: string): [what: string, sql: string][] => [
  ["operated cases other than the asked-for count", `SELECT abs((SELECT count(*) FROM operation) - ${count})`],
  [
    "operated cases without a care plan",
    `SELECT count(*) FROM operation o LEFT JOIN care_plan p USING (case_id) WHERE p.case_id IS NULL`,
  ],
  [
    "pain scores outside their time point's window or in the future (OC-1)",
    `SELECT count(*) FROM pain_score p JOIN clinical_case c ON c.id = p.case_id JOIN operation o ON o.case_id = p.case_id
     JOIN surgical_listing l ON l.case_id = p.case_id WHERE NOT (${windows}) OR p.recorded_on > '${today}'::date`,
  ],
  [
    "clearances before their earliest day (PO-6)",
    `SELECT count(*) FROM clearance x JOIN operation o USING (case_id)
     WHERE (x.activity IN ('cycling', 'swimming') AND x.cleared_on < o.operation_day + 21)
        OR (x.activity = 'running' AND x.cleared_on < (o.operation_day + interval '2 months')::date)`,
  ],
  [
    "returns to activity without a clearance before them, or in the future (OC-2)",
    `SELECT count(*) FROM activity_return r WHERE r.resumed_on > '${today}'::date OR NOT EXISTS (
       SELECT 1 FROM clearance x WHERE x.case_id = r.case_id AND x.cleared_on <= r.resumed_on
         AND x.activity::text = CASE r.activity WHEN 'sport' THEN 'other' ELSE r.activity::text END)`,
  ],
  [
    "complications before the operation or in the future (OC-3)",
    `SELECT count(*) FROM complication x JOIN operation o USING (case_id)
     WHERE x.occurred_on < o.operation_day OR x.occurred_on > '${today}'::date`,
  ],
  [
    "pain time points without a score",
    `SELECT count(*) FROM unnest(enum_range(NULL::"PainTimepoint")) t WHERE NOT EXISTS (SELECT 1 FROM pain_score WHERE timepoint = t)`,
  ],
  [
    "activities without a return",
    `SELECT count(*) FROM unnest(enum_range(NULL::"ReturnActivity")) a WHERE NOT EXISTS (SELECT 1 FROM activity_return WHERE activity = a)`,
  ],
  ["kinds of complication short of three", `SELECT greatest(0, 3 - count(DISTINCT kind)) FROM complication`],
];

/** What in the loaded data breaks the rules the dashboard assumes, in words; empty when nothing does. */
export async function inconsistencies(client: Client, count: number, today: string): Promise<string[]> {
  const found: string[] = [];
  for (const [what, sql] of checks(count, today)) {
    const { rows } = await client.query<{ n: string }>(`SELECT (${sql}) AS n`);
    if (Number(rows[0]!.n) !== 0) found.push(`${rows[0]!.n} ${what}`);
  }
  return found;
}
