// Benchmark: the waiting list's dashboard figures (GET /api/v1/waiting-list/summary's service) at
// 10,000 listed cases waiting, beside 50,000 cases operated over the past five years, on a
// throwaway embedded PostgreSQL. Prints the service's median, the database floor (its one query
// sent straight through `pg`) and that query's plan.
//   npm run bench:waiting-list-summary [-- <waiting> <operated>]
import { createDb, setDb } from "@/lib/db/client";
import { dayOf } from "@/lib/domain/time";
import { waitingListQuery, waitingListSummary } from "@/lib/services/waiting-list-summary";
import { exitOnError, measure, planOf, withScratchDatabase } from "./measure";

const waiting = Number(process.argv[2] ?? 10_000);
const operated = Number(process.argv[3] ?? 50_000);
const runs = 25;
const site = "00000000-0000-0000-0000-000000000001";
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function main() {
  await withScratchDatabase(54398, async (url, client) => {
    const started = Date.now();
    await client.query(`
      INSERT INTO site (id, name, time_zone) VALUES ('${site}', 'Bench', 'Europe/London');
      INSERT INTO staff (id, site_id, email, name, role, password_hash)
        SELECT gen_random_uuid(), '${site}', 'surgeon' || n || '@bench', 'Surgeon ' || n, 'surgeon', 'x'
        FROM generate_series(1, 20) n;
      INSERT INTO staff (id, site_id, email, name, role, password_hash)
        VALUES ('00000000-0000-0000-0000-000000000002', '${site}', 'reception@bench', 'Reception', 'reception', 'x');
      CREATE TEMP TABLE bench_surgeon AS SELECT row_number() OVER () - 1 AS n, id FROM staff WHERE role = 'surgeon';`);
    // Case i: waiting (listed 0-400 days ago, a third assessed, a tenth scheduled) for i <= waiting,
    // otherwise operated 95 days after listing, on a day of the past five years.
    await client.query(
      // Whole numbers from the command line: no parameters in a multi-statement query.
      `CREATE TEMP TABLE bench_case AS
         SELECT i, gen_random_uuid() AS id,
                CASE WHEN i > ${waiting} THEN 'discharged' WHEN i % 10 = 0 THEN 'scheduled'
                     WHEN i % 3 = 0 THEN 'assessed' ELSE 'listed_for_surgery' END::"CaseStatus" AS status,
                CASE WHEN i > ${waiting} THEN current_date - 95 - (i % 1825) ELSE current_date - (i % 400) END AS listed_on
         FROM generate_series(1, ${waiting + operated}) i;
       INSERT INTO patient (id, given_name, family_name, birth_date, sex)
         SELECT id, 'Given', 'Family' || i, '1980-01-01', 'female' FROM bench_case;
       INSERT INTO clinical_case (id, patient_id, site_id, side, mechanism, status, referred_on, created_by)
         SELECT id, id, '${site}', 'left', 'microtrauma', status, listed_on - 160, '00000000-0000-0000-0000-000000000002'
         FROM bench_case;
       INSERT INTO surgical_listing (case_id, listed_on, surgeon_id, priority)
         SELECT c.id, c.listed_on, s.id, (ARRAY['P1','P2','P3','P4'])[1 + c.i % 4]::"ListingPriority"
         FROM bench_case c JOIN bench_surgeon s ON s.n = c.i % 20;
       INSERT INTO anaesthesia_assessment (case_id, assessed_on, asa_grade, anaesthesia_type, home_support, anaesthetist_id)
         SELECT id, listed_on + 10, 1, 'locoregional', true, '00000000-0000-0000-0000-000000000002'
         FROM bench_case WHERE status <> 'listed_for_surgery';
       INSERT INTO operation (case_id, assessment_id, performed_at, operation_day, procedure, anaesthesia_given, findings,
                              discharge_analgesia, surgeon_id)
         SELECT c.id, a.id, (c.listed_on + 95)::timestamptz + interval '10 hours', c.listed_on + 95, 'Arthroscopy',
                'locoregional', 'Os trigonum', 'Paracetamol', l.surgeon_id
         FROM bench_case c JOIN anaesthesia_assessment a ON a.case_id = c.id JOIN surgical_listing l ON l.case_id = c.id
         WHERE c.status = 'discharged';
       ANALYZE;`,
    );
    console.log(
      `Loaded ${waiting.toLocaleString("en-GB")} waiting and ${operated.toLocaleString("en-GB")} operated listings in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );

    const prisma = setDb(createDb(url));
    const actor = { id: "00000000-0000-0000-0000-000000000002", name: "Reception", role: "reception" as const };
    const now = new Date();
    const figures = await waitingListSummary(actor, {}, now);
    console.log(`figures: ${JSON.stringify(figures)}\n`);
    const today = dayOf(now, "Europe/London");
    for (const [name, filters] of [
      ["whole site", {}],
      ["one priority (P2)", { priority: "P2" as const }],
    ] as const) {
      const service = await measure(runs, () => waitingListSummary(actor, filters, now));
      const query = waitingListQuery(site, today, "Europe/London", filters);
      const floor = await measure(runs, () => client.query(query.sql, query.values));
      const viaPrisma = await measure(runs, () => prisma.$queryRawUnsafe(query.sql, ...query.values));
      console.log(
        `${name}: service median ${ms(service.median)} (worst ${ms(service.worst)}); its query through Prisma ${ms(viaPrisma.median)}; database floor ${ms(floor.median)}`,
      );
    }
    const { sql, values } = waitingListQuery(site, today, "Europe/London", {});
    console.log(`  plan: ${await planOf(client, sql, values)}`);
    await prisma.$disconnect();
  });
}

exitOnError(main);
