// Benchmark: calendar and free-slot queries with 500,000 appointments on a throwaway embedded
// PostgreSQL. Prints the median time of each and the plan PostgreSQL chose for it.
//   npm run bench:scheduling [-- 500000]
import type { Client } from "pg";
import { createDb, setDb } from "@/lib/db/client";
import { findSlots } from "@/lib/services/slots";
import { listAppointments } from "@/lib/services/calendar";
import { exitOnError, measure, planOf, withScratchDatabase } from "./measure";

const count = Number(process.argv[2] ?? 500_000);
const runs = 15;
const clinicians = 20;

async function timed(label: string, run: () => Promise<unknown>) {
  const { median, worst } = await measure(runs, run);
  console.log(`${label}: median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`);
}

async function plan(client: Client, label: string, sql: string, params: unknown[]) {
  console.log(`  ${label} plan: ${await planOf(client, sql, params)}`);
}

async function main() {
  await withScratchDatabase(54398, async (url, client) => {
    const started = Date.now();
    await client.query(`
      INSERT INTO site (id, name, time_zone) VALUES ('00000000-0000-0000-0000-000000000001', 'Bench', 'Europe/London');
      INSERT INTO staff (id, site_id, email, name, role, password_hash)
        SELECT ('00000000-0000-0000-0001-' || lpad(i::text, 12, '0'))::uuid, '00000000-0000-0000-0000-000000000001', 'surgeon' || i || '@bench', 'Surgeon ' || i, 'surgeon', 'x'
        FROM generate_series(1, ${clinicians}) i;
      INSERT INTO working_hours (staff_id, weekday, starts_at, ends_at) SELECT s.id, d, '08:00', '18:00' FROM staff s, generate_series(1, 5) d;
      INSERT INTO room (id, site_id, name, kind)
        SELECT ('00000000-0000-0000-0002-' || lpad(i::text, 12, '0'))::uuid, '00000000-0000-0000-0000-000000000001', 'Room ' || i, 'consulting' FROM generate_series(1, ${clinicians}) i;
      INSERT INTO room_hours (room_id, weekday, starts_at, ends_at) SELECT r.id, d, '08:00', '18:00' FROM room r, generate_series(1, 5) d;
      INSERT INTO patient (id, given_name, family_name, birth_date, sex)
        SELECT ('00000000-0000-0000-0003-' || lpad(i::text, 12, '0'))::uuid, 'Given', 'Family' || i, '1980-01-01', 'female' FROM generate_series(0, 999) i;
      INSERT INTO clinical_case (id, patient_id, site_id, side, mechanism, referred_on, created_by)
        SELECT ('00000000-0000-0000-0004-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-0000-0003-' || lpad(i::text, 12, '0'))::uuid,
               '00000000-0000-0000-0000-000000000001', 'left', 'unknown', '2024-01-01', '00000000-0000-0000-0001-000000000001'
        FROM generate_series(0, 999) i;`);
    // Every 20 minutes around the clock from 2024, each of 20 surgeons and 20 rooms busy, 1,000 patients in turn.
    await client.query(
      `INSERT INTO appointment (id, site_id, case_id, patient_id, kind, starts_at, ends_at, clinician_id, room_id, created_by)
       SELECT ('10000000-0000-0000-0000-' || lpad(i::text, 12, '0'))::uuid, '00000000-0000-0000-0000-000000000001',
              ('00000000-0000-0000-0004-' || lpad((i % 1000)::text, 12, '0'))::uuid, ('00000000-0000-0000-0003-' || lpad((i % 1000)::text, 12, '0'))::uuid,
              'consultation', t, t + interval '20 minutes',
              ('00000000-0000-0000-0001-' || lpad((1 + i % ${clinicians})::text, 12, '0'))::uuid, ('00000000-0000-0000-0002-' || lpad((1 + i % ${clinicians})::text, 12, '0'))::uuid,
              '00000000-0000-0000-0001-000000000001'
       FROM generate_series(0, $1::int - 1) i, LATERAL (SELECT timestamptz '2024-01-01 00:00Z' + (i / ${clinicians}) * interval '20 minutes' AS t) s`,
      [count],
    );
    await client.query(`
      INSERT INTO appointment_resource (appointment_id, resource_kind, resource_id, period)
        SELECT id, 'clinician'::"ResourceKind", clinician_id, tstzrange(starts_at, ends_at) FROM appointment
        UNION ALL SELECT id, 'room'::"ResourceKind", room_id, tstzrange(starts_at, ends_at) FROM appointment
        UNION ALL SELECT id, 'patient'::"ResourceKind", patient_id, tstzrange(starts_at, ends_at) FROM appointment;
      ANALYZE;`);
    const last = (await client.query(`SELECT max(ends_at) AS t FROM appointment`)).rows[0].t as Date;
    console.log(
      `Loaded ${count.toLocaleString("en-GB")} appointments (${(count * 3).toLocaleString("en-GB")} booked resources) in ${((Date.now() - started) / 1000).toFixed(0)} s, up to ${last.toISOString().slice(0, 10)}\n`,
    );

    const prisma = setDb(createDb(url));
    const clinician = "00000000-0000-0000-0001-000000000007";
    const actor = { id: "00000000-0000-0000-0001-000000000001", name: "Bench", role: "surgeon" as const };
    const weekFrom = new Date(last.getTime() - 14 * 86_400_000);
    const weekTo = new Date(weekFrom.getTime() + 7 * 86_400_000);
    await timed("A clinician's week (listAppointments, audited)", () =>
      listAppointments(actor, {
        clinicianId: clinician,
        from: weekFrom.toISOString(),
        to: weekTo.toISOString(),
        limit: 500,
      }),
    );
    await plan(
      client,
      "clinician week",
      `SELECT * FROM appointment WHERE (clinician_id = $1 OR anaesthetist_id = $1) AND starts_at >= $2 AND starts_at < $3 AND ends_at > $2`,
      [clinician, weekFrom, weekTo],
    );
    await plan(
      client,
      "room week",
      `SELECT * FROM appointment WHERE room_id = $1 AND starts_at >= $2 AND starts_at < $3`,
      ["00000000-0000-0000-0002-000000000003", weekFrom, weekTo],
    );

    const day = weekFrom.toISOString().slice(0, 10);
    const slotQuery = {
      siteId: "00000000-0000-0000-0000-000000000001",
      timeZone: "Europe/London",
      kind: "consultation" as const,
      minutes: 20,
      from: day,
      to: new Date(weekFrom.getTime() + 6 * 86_400_000).toISOString().slice(0, 10),
      patientId: "00000000-0000-0000-0003-000000000001",
      notBefore: weekFrom,
      limit: 20,
    };
    await timed("Free slots over a week, any of 20 surgeons and 20 rooms (findSlots)", () =>
      prisma.$transaction((tx) => findSlots(tx, slotQuery)),
    );
    await timed("Free slots over a week for one surgeon", () =>
      prisma.$transaction((tx) => findSlots(tx, { ...slotQuery, clinicianId: clinician })),
    );
    await plan(
      client,
      "overlap test",
      `SELECT 1 FROM appointment_resource WHERE active AND resource_id = $1 AND period && tstzrange($2, $3)`,
      [clinician, weekFrom, new Date(weekFrom.getTime() + 1_200_000)],
    );
    await prisma.$disconnect();
  });
}

exitOnError(main);
