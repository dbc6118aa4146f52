// Benchmark: the pathway dashboard (OC-5 compliance per rule and the OC-1..OC-4 outcomes) over
// 10,000 operated cases of the last 14 months on a throwaway embedded PostgreSQL. Prints the
// median and 95th percentile of each report through its service and of the whole dashboard (the
// two reports, one after the other), beside the database's floor measured in the same run: one
// statement counting the rows of every table the reports read. Exits 1 with a message, before
// timing anything, when the loaded data breaks a rule the dashboard assumes. Target: the whole
// dashboard under 300 ms; a slower figure is printed, never a failure.
//   npm run bench:dashboard [-- 10000]
import type { Client } from "pg";
import { createDb, setDb } from "@/lib/db/client";
import { dayOf } from "@/lib/domain/time";
import { resolvePeriod } from "@/lib/schemas/analytics";
import { complianceReport } from "@/lib/services/analytics-compliance";
import { outcomesReport } from "@/lib/services/analytics-outcomes";
import { inconsistencies, load, surgeon } from "./dashboard-data";
import { exitOnError, withScratchDatabase, timings } from "./measure";

const count = Number(process.argv[2] ?? 10_000);
const runs = 51;
const targetMs = 300;

const ms = (t: { median: number; p95: number }) => `median ${t.median.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms`;

/** The floor: every row of the tables the dashboard reads, counted in one statement. */
const floorStatement = `SELECT
  (SELECT count(*) FROM operation), (SELECT count(*) FROM care_plan), (SELECT count(*) FROM anaesthesia_assessment),
  (SELECT count(*) FROM dressing_visit), (SELECT count(*) FROM dressing_record), (SELECT count(*) FROM physio_session),
  (SELECT count(*) FROM physio_record), (SELECT count(*) FROM clearance), (SELECT count(*) FROM pain_score),
  (SELECT count(*) FROM activity_return), (SELECT count(*) FROM complication), (SELECT count(*) FROM surgical_listing),
  (SELECT count(*) FROM first_line_course), (SELECT count(*) FROM imaging_study)`;

async function rowCounts(client: Client): Promise<string> {
  const { rows } = await client.query<Record<string, string>>(`SELECT
    (SELECT count(*) FROM pain_score) AS "pain scores", (SELECT count(*) FROM activity_return) AS returns,
    (SELECT count(*) FROM complication) AS complications, (SELECT count(*) FROM dressing_record) AS "dressing records",
    (SELECT count(*) FROM physio_record) AS "physiotherapy records", (SELECT count(*) FROM clearance) AS clearances`);
  return Object.entries(rows[0]!)
    .map(([what, n]) => `${Number(n).toLocaleString("en-GB")} ${what}`)
    .join(", ");
}

async function main() {
  await withScratchDatabase(54398, async (url, client) => {
    const started = Date.now();
    await load(client, count);
    const now = new Date();
    const today = dayOf(now, "Europe/London");
    const problems = await inconsistencies(client, count, today);
    if (problems.length > 0) {
      console.error(`The benchmark's data is inconsistent, nothing was timed:\n  ${problems.join("\n  ")}`);
      process.exit(1);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Loaded ${count.toLocaleString("en-GB")} operated cases in ${seconds} s: ${await rowCounts(client)}\n`);
    setDb(createDb(url));
    const actor = { id: surgeon, name: "Surgeon", role: "surgeon" as const };
    // The dashboard's default period: the twelve months to today.
    const period = resolvePeriod({}, today);
    const compliance = await timings(runs, () => complianceReport(actor, period, now));
    const outcomes = await timings(runs, () => outcomesReport(actor, period, now));
    const dashboard = await timings(runs, async () => {
      await complianceReport(actor, period, now);
      await outcomesReport(actor, period, now);
    });
    const floor = await timings(runs, () => client.query(floorStatement));
    console.log(`Period ${period.from} to ${period.to}:`);
    console.log(`  complianceReport (OC-5):        ${ms(compliance)}`);
    console.log(`  outcomesReport (OC-1..OC-4):    ${ms(outcomes)}`);
    console.log(`  whole dashboard (both reports): ${ms(dashboard)} (target under ${targetMs} ms)`);
    console.log(`  database floor (COUNT(*) of every table the reports read, one statement): ${ms(floor)}`);
  });
}

exitOnError(main);
