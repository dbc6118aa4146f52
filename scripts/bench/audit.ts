// Benchmark: "who saw this patient" over N audit rows (default 50,000,000) spread over the 24
// UTC months before the current one, on a throwaway embedded PostgreSQL; and the audit write of
// one list read (50 patients) at that size, as one row (today) and as 50 rows (the old design).
//   npm run bench:audit [-- 2000000]      (or AUDIT_ROWS=2000000 npm run bench:audit)
// 70% of rows are single-patient events, 30% list reads of 10 patients; 100,000 patients, 50 staff.
import { Client } from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { setDb } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { recordAudit, recordListRead } from "@/lib/services/audit";
import { listAuditEvents } from "@/lib/services/audit-trail";
import { exitOnError, measure, withScratchDatabase } from "./measure";

const total = Number(process.argv[2] ?? process.env.AUDIT_ROWS ?? 50_000_000);
const months = 24;
const patients = 100_000;
const lists = 100_000;
const actors = 50;
const runs = 41;
// Months loaded at once: index builds are CPU-bound, one core each.
const loaders = Number(process.env.AUDIT_LOADERS ?? 3);

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const ms = (x: number) => `${x.toFixed(2)} ms`;

/** The first instant of the UTC month `offset` months from the current one. */
function monthStart(offset: number): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
}
const partitionOf = (start: Date) =>
  `audit_event_${start.getUTCFullYear()}_${String(start.getUTCMonth() + 1).padStart(2, "0")}`;

/** Staff, patients and the lookup tables the generated rows draw from. */
async function loadPeople(client: Client) {
  await client.query(`
    INSERT INTO site (id, name, time_zone) VALUES ('00000000-0000-0000-0000-000000000001', 'Bench', 'Europe/London');
    CREATE TABLE bench_actor AS
      SELECT n, gen_random_uuid() AS id FROM generate_series(0, ${actors - 1}) n;
    INSERT INTO staff (id, site_id, email, name, role, password_hash)
      SELECT id, '00000000-0000-0000-0000-000000000001', 'staff' || n || '@bench', 'Staff ' || n, 'reception', 'x'
      FROM bench_actor;
    CREATE TABLE bench_patient AS SELECT n, gen_random_uuid() AS id FROM generate_series(0, ${patients - 1}) n;
    ALTER TABLE bench_patient ADD PRIMARY KEY (n);
    INSERT INTO patient (id, given_name, family_name, birth_date, sex)
      SELECT id, 'Given', 'Family' || n, '1980-01-01', 'female' FROM bench_patient;
    -- List k shows patients k, k + 10007, k + 2 x 10007, ... (mod ${patients}): each patient is on 10 lists.
    CREATE TABLE bench_list AS
      SELECT k, ARRAY(SELECT p.id FROM generate_series(0, 9) j
                      JOIN bench_patient p ON p.n = (k + j * 10007) % ${patients} ORDER BY j) AS ids
      FROM generate_series(0, ${lists - 1}) k;
    ALTER TABLE bench_list ADD PRIMARY KEY (k);
    ANALYZE bench_actor, bench_patient, bench_list, patient, staff;`);
}

/**
 * Rows `first`..`last` (ids) into a month's table, evenly over [start, end); its indexes, keys
 * and a CHECK of the month's bounds built in bulk, so that attaching it as the month's partition
 * only adopts them (several months load at once; attaching holds a lock on the table).
 * Returns the milliseconds spent on indexes, keys and attaching.
 */
async function loadMonth(client: Client, start: Date, end: Date, first: number, last: number) {
  const name = partitionOf(start);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET synchronous_commit = off`);
  // The migration made the months ahead; an existing, empty month is replaced by the loaded one.
  await client.query(`DROP TABLE IF EXISTS ${name}`);
  await client.query(`CREATE TABLE ${name} (LIKE audit_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
  await client.query(
    `INSERT INTO ${name} (id, at, actor_id, action, patient_id, patient_ids, item_count, entity, entity_id)
     SELECT g.i,
            $1::timestamptz + ($2::timestamptz - $1::timestamptz) * ((g.i - $3)::float8 / ($4 - $3 + 1)),
            a.id,
            CASE WHEN g.i % 10 < 7 THEN 'patient.read' ELSE 'appointment.read' END,
            CASE WHEN g.i % 10 < 7 THEN p.id END,
            CASE WHEN g.i % 10 < 7 THEN ARRAY[p.id] ELSE l.ids END,
            CASE WHEN g.i % 10 < 7 THEN NULL ELSE 12 END,
            CASE WHEN g.i % 10 < 7 THEN 'patient' ELSE 'appointment' END,
            CASE WHEN g.i % 10 < 7 THEN p.id::text END
     FROM generate_series($3::bigint, $4::bigint) g(i)
     JOIN bench_actor a ON a.n = g.i % ${actors}
     JOIN bench_patient p ON p.n = (g.i * 7919) % ${patients}
     JOIN bench_list l ON l.k = (g.i * 104729) % ${lists}`,
    [start, end, first, last],
  );
  const inserted = Date.now();
  const [from, to] = [start.toISOString(), end.toISOString()];
  await client.query(`
    ALTER TABLE ${name} ADD PRIMARY KEY (id, at);
    CREATE INDEX ON ${name} USING gin (patient_ids);
    CREATE INDEX ON ${name} (patient_id, at);
    CREATE INDEX ON ${name} (actor_id, at);
    CREATE INDEX ON ${name} (at);
    ALTER TABLE ${name} ADD FOREIGN KEY (actor_id) REFERENCES staff(id) ON UPDATE CASCADE ON DELETE SET NULL;
    ALTER TABLE ${name} ADD FOREIGN KEY (patient_id) REFERENCES patient(id) ON UPDATE CASCADE ON DELETE SET NULL;
    ALTER TABLE ${name} ADD CONSTRAINT ${name}_bounds CHECK (at IS NOT NULL AND at >= '${from}' AND at < '${to}');
    CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON ${name} FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();`);
  await client.query(`ALTER TABLE audit_event ATTACH PARTITION ${name} FOR VALUES FROM ('${from}') TO ('${to}')`);
  await client.query(`ALTER TABLE ${name} DROP CONSTRAINT ${name}_bounds`);
  return Date.now() - inserted;
}

/** Loads the `months` months before the current one, `loaders` months at a time. */
async function loadMonths(url: string) {
  const perMonth = Math.floor(total / months);
  const plan = Array.from({ length: months }, (_, k) => {
    const first = 1 + k * perMonth;
    return {
      start: monthStart(k - months),
      end: monthStart(k - months + 1),
      first,
      last: k === months - 1 ? total : first + perMonth - 1,
    };
  });
  let next = 0;
  await Promise.all(
    Array.from({ length: loaders }, async () => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        for (let k = next++; k < months; k = next++) {
          const { start, end, first, last } = plan[k]!;
          const t = Date.now();
          const indexing = await loadMonth(client, start, end, first, last);
          console.log(
            `  ${partitionOf(start)}: ${(last - first + 1).toLocaleString("en-GB")} rows in ${seconds(t)}` +
              ` (of which indexes, keys and attaching ${(indexing / 1000).toFixed(1)} s)`,
          );
        }
      } finally {
        await client.end();
      }
    }),
  );
}

/** EXPLAIN (ANALYZE, BUFFERS) of `sql`, summed up: top nodes, partitions touched, buffers, time. */
async function explain(client: Client, sql: string, params: unknown[]) {
  const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const lines = rows.map((r) => String(r["QUERY PLAN"]));
  const indexScans = lines.filter((l) => /Index Scan|Bitmap Index Scan/.test(l));
  const indexes = [...new Set(indexScans.map((l) => /on (\w+)/.exec(l)?.[1]?.replace(/_\d{4}_\d{2}_/, "_<month>_")))];
  const top = lines.slice(0, 6).map((l) => l.replace(/\s+\(cost=[^)]*\)/, ""));
  return [
    ...top,
    `... ${indexScans.length} index scans (${indexes.join(", ")}); sequential scans: ${
      [...new Set(lines.filter((l) => /Seq Scan/.test(l)).map((l) => /Seq Scan on (\w+)/.exec(l)?.[1]))].join(", ") ||
      "none"
    }`,
    ...lines.filter((l) => /^(Planning|Execution) Time|^\s*Buffers/.test(l)).slice(0, 1),
    ...lines.filter((l) => /^(Planning|Execution) Time/.test(l)),
  ];
}

async function main() {
  await withScratchDatabase(54397, async (url, client) => {
    // Room for a bulk load: fewer checkpoints, big sorts for the index builds.
    await client.query(`ALTER SYSTEM SET max_wal_size = '16GB'`);
    await client.query(`ALTER SYSTEM SET checkpoint_timeout = '30min'`);
    await client.query(`SELECT pg_reload_conf()`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    await client.query(`SET synchronous_commit = off`);

    const started = Date.now();
    await loadPeople(client);
    await loadMonths(url);
    await client.query(`SELECT setval('audit_event_id_seq', $1)`, [total]);
    const analysed = Date.now();
    await client.query(`ANALYZE audit_event`);
    const size = await client.query(
      `SELECT pg_size_pretty(sum(pg_total_relation_size(relid))) AS size FROM pg_partition_tree('audit_event')`,
    );
    console.log(
      `Loaded ${total.toLocaleString("en-GB")} audit rows over ${months} months in ${seconds(started)}` +
        ` (ANALYZE ${seconds(analysed)}); table and indexes: ${size.rows[0].size}`,
    );
    const made = await client.query(`SELECT audit_event_ensure_partitions(3) AS made`);
    console.log(`Start-up maintenance made ${made.rows[0].made} partitions (the months ahead exist already)\n`);

    // The service as GET /api/v1/audit-events calls it, with Prisma's own SQL captured for EXPLAIN.
    const prisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url }),
      log: [{ emit: "event", level: "query" }],
    });
    let lastQuery = { sql: "", params: [] as unknown[] };
    prisma.$on("query", (e) => {
      if (e.query.includes("audit_event")) lastQuery = { sql: e.query, params: JSON.parse(e.params) as unknown[] };
    });
    setDb(prisma);
    const sample = await client.query<{ id: string; mrn: string }>(
      `SELECT id, mrn FROM patient ORDER BY id LIMIT ${runs}`,
    );
    await listAuditEvents({ limit: 1 }); // connects, so no timing below includes it
    let i = 0;
    const firstPage = await measure(runs, () => listAuditEvents({ patientId: sample.rows[i++ % runs]!.id, limit: 50 }));
    const count = await client.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE patient_ids @> ARRAY[$1::uuid]`,
      [sample.rows[0]!.id],
    );
    console.log(
      `Who saw this patient (${count.rows[0].n} events for a typical patient), first page of 50:` +
        ` median ${ms(firstPage.median)}, worst ${ms(firstPage.worst)}`,
    );
    await listAuditEvents({ patientId: sample.rows[0]!.id, limit: 50 });
    for (const line of await explain(client, lastQuery.sql, lastQuery.params)) console.log(`  ${line}`);

    i = 0;
    const cursors = await Promise.all(
      sample.rows.map(async (row) => ({
        id: row.id,
        cursor: (await listAuditEvents({ patientId: row.id, limit: 100 })).nextCursor!,
      })),
    );
    const deepPage = await measure(runs, () => {
      const { id, cursor } = cursors[i++ % runs]!;
      return listAuditEvents({ patientId: id, limit: 50, cursor });
    });
    console.log(`  ... page after the first 100 (cursor): median ${ms(deepPage.median)}, worst ${ms(deepPage.worst)}`);
    i = 0;
    const byMrn = await measure(runs, () => listAuditEvents({ mrn: sample.rows[i++ % runs]!.mrn, limit: 50 }));
    console.log(`  ... by MRN: median ${ms(byMrn.median)}, worst ${ms(byMrn.worst)}`);

    // The audit write of one list read showing 50 patients, in its own transaction.
    const actor = { id: (await client.query(`SELECT id FROM staff LIMIT 1`)).rows[0].id as string, name: "Staff 0" };
    const shown = (await client.query<{ id: string }>(`SELECT id FROM patient ORDER BY mrn LIMIT 50`)).rows.map(
      (r) => r.id,
    );
    const reception = { ...actor, role: "reception" as const };
    await prisma.$transaction((tx) =>
      recordListRead(tx, reception, { action: "patient.search", entity: "patient", itemPatientIds: shown }),
    );
    const oneRow = await measure(200, () =>
      prisma.$transaction((tx) =>
        recordListRead(tx, reception, { action: "patient.search", entity: "patient", itemPatientIds: shown }),
      ),
    );
    const fiftyRows = await measure(200, () =>
      prisma.$transaction((tx) =>
        recordAudit(
          tx,
          reception,
          shown.map((id) => ({ action: "patient.search", entity: "patient", entityId: id, patientId: id })),
        ),
      ),
    );
    console.log(
      `\nAudit write of a list read of 50 patients: one row ${ms(oneRow.median)} median (worst ${ms(oneRow.worst)});` +
        ` one row per patient, as before: ${ms(fiftyRows.median)} median (worst ${ms(fiftyRows.worst)})`,
    );
    await prisma.$disconnect();
  });
}

exitOnError(main);
