// Benchmark: patient search over 100,000 patients on a throwaway embedded PostgreSQL.
// Prints the median time of each kind of search and the plan PostgreSQL chose for it.
//   npm run bench:patients [-- 100000]
import { createDb, setDb } from "@/lib/db/client";
import { searchPatients, searchPatientsByField } from "@/lib/services/patients";
import { exitOnError, measure, planOf, withScratchDatabase } from "./measure";

const count = Number(process.argv[2] ?? 100_000);
const runs = 25;

const searches: { name: string; sql: string; params: unknown[] }[] = [
  {
    name: 'partial name, accents ignored ("zoe lamb")',
    sql: `SELECT id FROM patient WHERE search_name LIKE '%' || lower(immutable_unaccent($1)) || '%'
            AND search_name LIKE '%' || lower(immutable_unaccent($2)) || '%'
          ORDER BY family_name, given_name, id LIMIT 26`,
    params: ["zoe", "lamb"],
  },
  {
    name: 'rare family name ("Nørgaard")',
    sql: `SELECT id FROM patient WHERE search_name LIKE '%' || lower(immutable_unaccent($1)) || '%' ORDER BY family_name, given_name, id LIMIT 26`,
    params: ["nørgaard"],
  },
  {
    name: 'FHIR name, words starting a part of the name ("lamb")',
    sql: `SELECT id FROM patient WHERE (search_name LIKE lower(immutable_unaccent($1)) || '%'
            OR search_name LIKE '% ' || lower(immutable_unaccent($1)) || '%')
          ORDER BY family_name, given_name, id LIMIT 21`,
    params: ["lamb"],
  },
  { name: "MRN", sql: `SELECT id FROM patient WHERE mrn = $1`, params: ["P0050000"] },
  { name: "NHS number", sql: `SELECT id FROM patient WHERE nhs_number = $1`, params: ["9000050000"] },
  {
    name: "postcode",
    sql: `SELECT id FROM patient WHERE postcode = $1 ORDER BY family_name, given_name, id LIMIT 26`,
    params: ["LS12 3BC"],
  },
  {
    name: 'outward code ("LS12")',
    sql: `SELECT id FROM patient WHERE postcode LIKE $1 ORDER BY family_name, given_name, id LIMIT 26`,
    params: ["LS12 %"],
  },
  {
    name: "birth date",
    sql: `SELECT id FROM patient WHERE birth_date = $1::date ORDER BY family_name, given_name, id LIMIT 26`,
    params: ["1984-03-12"],
  },
];

async function main() {
  await withScratchDatabase(54399, async (url, client) => {
    const given = [
      "Zoë",
      "José",
      "Siobhán",
      "Björn",
      "Amélie",
      "Oliver",
      "Aisha",
      "Liam",
      "Chloé",
      "Mateusz",
      "Grace",
      "Noah",
    ];
    const family = [
      "Lambert",
      "García",
      "O'Brien",
      "Dubois",
      "Smith",
      "Khan",
      "Murphy",
      "Lefèvre",
      "Nowak",
      "Taylor",
      "Jones",
      "Muñoz",
    ];
    const started = Date.now();
    await client.query(
      // Ten-digit NHS numbers, one each (the check digit does not matter to the index); postcodes
      // over 30 Leeds districts, about 3,300 patients a district.
      `INSERT INTO patient (given_name, family_name, birth_date, sex, nhs_number, postcode)
       SELECT ($1::text[])[1 + (i % 12)], ($2::text[])[1 + ((i / 12) % 12)] || CASE WHEN i % 1000 = 0 THEN '' ELSE to_char(i, 'FM000000') END,
              date '1940-01-01' + (i * 7 % 25000), 'female', '9' || lpad(i::text, 9, '0'),
              'LS' || (1 + i % 30) || ' ' || (i % 10) || chr(65 + (i / 30) % 26) || chr(65 + (i / 780) % 26)
       FROM generate_series(1, $3::int) AS i`,
      [given, family, count],
    );
    await client.query(
      `INSERT INTO patient (given_name, family_name, birth_date, sex) VALUES ('Åsa', 'Nørgaard', '1984-03-12', 'female')`,
    );
    await client.query("ANALYZE patient");
    console.log(
      `Loaded ${count.toLocaleString("en-GB")} patients in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );

    for (const search of searches) {
      const { median, worst } = await measure(runs, () => client.query(search.sql, search.params));
      console.log(`${search.name}: median ${median.toFixed(2)} ms, worst ${worst.toFixed(2)} ms`);
      console.log(`  plan: ${await planOf(client, search.sql, search.params)}`);
    }

    // The service as the API calls it: search plus one audit row per patient shown.
    const prisma = setDb(createDb(url));
    const site = await prisma.site.create({ data: { name: "Bench", timeZone: "Europe/London" } });
    const actor = await prisma.staff.create({
      data: { siteId: site.id, email: "bench@bench", name: "Bench", role: "reception", passwordHash: "x" },
    });
    const service = await measure(runs, () =>
      searchPatients({ id: actor.id, name: actor.name, role: "reception" }, { q: "zoe lamb", limit: 25 }),
    );
    console.log(`searchPatients("zoe lamb", 25 a page, audited): median ${service.median.toFixed(2)} ms`);
    const fhirName = await measure(runs, () =>
      searchPatientsByField({ id: actor.id, name: actor.name, role: "reception" }, { name: "lamb" }, { limit: 20 }),
    );
    console.log(
      `searchPatientsByField(name "lamb", 20 a page, audited: FHIR Patient?name=): median ${fhirName.median.toFixed(2)} ms`,
    );
    await prisma.$disconnect();
  });
}

exitOnError(main);
