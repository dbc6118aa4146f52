// Benchmark: the surgical waiting list (WL-3) with 10,000 listed cases waiting (and as many
// already operated, whose listings the query must step over) on a throwaway embedded PostgreSQL.
// Prints the median and 95th percentile of the first page and of a deep page, through the service
// (one statement and the audit row) and as the bare statement through `pg` (the database's floor),
// and the plan PostgreSQL chose.
//   npm run bench:waiting-list [-- 10000]
import type { Client } from "pg";
import { createDb, setDb } from "@/lib/db/client";
import { encodeCursor } from "@/lib/services/cursor";
import { readWaitingList, waitingListStatement, type WaitingKey } from "@/lib/services/waiting-list";
import { exitOnError, withScratchDatabase, timings } from "./measure";

const count = Number(process.argv[2] ?? 10_000);
const runs = 101;
const pageSize = 50;
const site = "00000000-0000-4000-8000-000000000001";
const reception = "00000000-0000-4000-8001-000000000000";

const ms = (t: { median: number; p95: number }) => `median ${t.median.toFixed(2)} ms, p95 ${t.p95.toFixed(2)} ms`;

async function load(client: Client) {
  // Ten surgeons; `count` waiting cases (a third assessed, a tenth booked for theatre) and `count`
  // operated ones listed earlier; priorities mostly P3/P4 as on a real list; listings over 400 days.
  await client.query(`
    INSERT INTO site (id, name, time_zone) VALUES ('${site}', 'Bench', 'Europe/London');
    INSERT INTO staff (id, site_id, email, name, role, password_hash)
      VALUES ('${reception}', '${site}', 'reception@bench', 'Reception', 'reception', 'x');
    INSERT INTO staff (id, site_id, email, name, role, password_hash)
      SELECT ('00000000-0000-4000-8001-' || lpad(i::text, 12, '0'))::uuid, '${site}', 'surgeon' || i || '@bench', 'Surgeon ' || i, 'surgeon', 'x'
      FROM generate_series(1, 10) i;
    INSERT INTO patient (id, given_name, family_name, birth_date, sex)
      SELECT ('00000000-0000-4000-8003-' || lpad(i::text, 12, '0'))::uuid, 'Given', 'Family' || i, '1980-01-01', 'female'
      FROM generate_series(1, 2 * ${count}) i;
    INSERT INTO clinical_case (id, patient_id, site_id, side, mechanism, referred_on, created_by, status)
      SELECT ('00000000-0000-4000-8004-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-4000-8003-' || lpad(i::text, 12, '0'))::uuid,
             '${site}', 'left', 'unknown', current_date - 900, '${reception}',
             (CASE WHEN i > ${count} THEN 'operated' WHEN i % 10 = 0 THEN 'scheduled' WHEN i % 3 = 0 THEN 'assessed' ELSE 'listed_for_surgery' END)::"CaseStatus"
      FROM generate_series(1, 2 * ${count}) i;
    INSERT INTO surgical_listing (case_id, listed_on, surgeon_id, priority)
      SELECT ('00000000-0000-4000-8004-' || lpad(i::text, 12, '0'))::uuid,
             current_date - CASE WHEN i > ${count} THEN 400 + i % 300 ELSE i % 400 END,
             ('00000000-0000-4000-8001-' || lpad((1 + i % 10)::text, 12, '0'))::uuid,
             (ARRAY['P1','P2','P3','P3','P4','P4','P4','P4','P4','P4'])[1 + (i * 7) % 10]::"ListingPriority"
      FROM generate_series(1, 2 * ${count}) i;
    INSERT INTO anaesthesia_assessment (case_id, assessed_on, asa_grade, anaesthesia_type, home_support, anaesthetist_id)
      SELECT ('00000000-0000-4000-8004-' || lpad(i::text, 12, '0'))::uuid, current_date - i % 120, 1, 'locoregional', i % 2 = 0,
             '00000000-0000-4000-8001-000000000001'
      FROM generate_series(1, 2 * ${count}) i WHERE i % 3 = 0 OR i % 10 = 0 OR i > ${count};
    INSERT INTO appointment (site_id, case_id, patient_id, kind, starts_at, ends_at, clinician_id, created_by, admission)
      SELECT '${site}', ('00000000-0000-4000-8004-' || lpad(i::text, 12, '0'))::uuid, ('00000000-0000-4000-8003-' || lpad(i::text, 12, '0'))::uuid,
             'arthroscopy', now() + (i % 60) * interval '1 day', now() + (i % 60) * interval '1 day' + interval '90 minutes',
             ('00000000-0000-4000-8001-' || lpad((1 + i % 10)::text, 12, '0'))::uuid, '${reception}', 'day_case'
      FROM generate_series(1, ${count}) i WHERE i % 10 = 0;
    ANALYZE;`);
}

async function main() {
  await withScratchDatabase(54397, async (url, client) => {
    const started = Date.now();
    await load(client);
    console.log(
      `Loaded ${count.toLocaleString("en-GB")} waiting and ${count.toLocaleString("en-GB")} operated listings in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    setDb(createDb(url));
    const actor = { id: reception, name: "Reception", role: "reception" as const };
    // The deep page starts after the row 90% down the list.
    const deep = Math.floor(count * 0.9);
    const { rows } = await client.query<{ priority: WaitingKey["priority"]; listed_on: string; case_id: string }>(
      `SELECT l.priority, to_char(l.listed_on, 'YYYY-MM-DD') AS listed_on, l.case_id FROM surgical_listing l
       JOIN clinical_case c ON c.id = l.case_id WHERE c.status IN ('listed_for_surgery', 'assessed', 'scheduled')
       ORDER BY l.priority, l.listed_on, l.case_id OFFSET ${deep - 1} LIMIT 1`,
    );
    const key: WaitingKey = { priority: rows[0]!.priority, listedOn: rows[0]!.listed_on, caseId: rows[0]!.case_id };
    const pages = [
      { name: "first page", after: undefined, filter: {} },
      { name: `deep page (after row ${deep.toLocaleString("en-GB")})`, after: key, filter: {} },
      {
        name: "first page of one surgeon",
        after: undefined,
        filter: { surgeonId: "00000000-0000-4000-8001-000000000003" },
      },
    ];
    for (const p of pages) {
      const statement = waitingListStatement(reception, p.filter, p.after, pageSize + 1);
      const service = await timings(runs, () =>
        readWaitingList(actor, { ...p.filter, limit: pageSize, ...(p.after ? { cursor: encodeCursor(p.after) } : {}) }),
      );
      const floor = await timings(runs, () => client.query(statement.text, statement.values));
      console.log(`${p.name}, ${pageSize} rows:`);
      console.log(`  service (statement + audit row): ${ms(service)}`);
      console.log(`  database floor (the statement via pg): ${ms(floor)}`);
      const plan = await client.query(
        `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${statement.text}`,
        statement.values,
      );
      console.log(plan.rows.map((r) => `    ${String(r["QUERY PLAN"])}`).join("\n"));
    }
  });
}

exitOnError(main);
