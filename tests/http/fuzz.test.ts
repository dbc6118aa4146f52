// Hostile input to every operation of the OpenAPI document, through the real route handlers:
// NUL and other control characters, impossible or far-off dates, instants whose offset hides
// their order, made-up cursors, wrong types, huge numbers. No answer may be a 5xx, every answer's
// status and media type are among those the operation declares, and a refused request (4xx)
// writes nothing: the row count of every table is the same after it as before.
// Runs in a database of its own, so the other test files' writes do not show in the counts.
import { call, signInAs } from "../setup/routes";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAllowed, roles, type Role } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { createDb, setDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrations";
import { endpoints, type Endpoint } from "@/lib/http/endpoints";
import { openApiDocument } from "@/lib/http/openapi";
import { encodeCursor } from "@/lib/services/cursor";
import { dayFromToday, siteAt } from "../setup/clock";
import { createActor, createScratchDatabase } from "../setup/db";
import { caseAt, createTeam } from "../setup/pathway";
import { bookAppointment } from "@/lib/services/appointments";
import { createRooms, giveHours } from "../setup/scheduling";

/** Requests per operation: about 50 operations with a few fields each, so thousands of values. */
const runsPerOperation = 30;

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
};
type Operation = {
  parameters?: { name: string; in: "path" | "query" | "header"; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { content?: Record<string, unknown> }>;
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

let scratch: { url: string; drop: () => Promise<void> };
let prisma: Db;
let tables: string[];
const actors = new Map<Role, Actor>();
/** Ids of real records, so some requests get past the id checks to the services. */
let realIds: string[] = [];

beforeAll(async () => {
  scratch = await createScratchDatabase();
  await migrate(scratch.url);
  prisma = setDb(createDb(scratch.url));
  const team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon, team.nurse, team.physio, team.anaesthetist);
  const rooms = await createRooms(prisma, team.reception, "consulting");
  await createRooms(prisma, team.reception, "dressing");
  const operated = await caseAt(team, "operated", { operatedDaysAgo: 3 });
  const referred = await caseAt(team, "referred");
  const appointment = await bookAppointment(team.reception, {
    caseId: referred.caseId,
    kind: "consultation",
    start: siteAt(5, 10).toISOString(),
  });
  const admin = await createActor(prisma, "admin");
  await prisma.staff.update({
    where: { id: admin.id },
    data: { siteId: (await prisma.staff.findUniqueOrThrow({ where: { id: team.reception.id } })).siteId },
  });
  for (const actor of [...Object.values(team), admin]) actors.set(actor.role, actor);
  realIds = [
    operated.caseId,
    operated.patientId,
    referred.caseId,
    appointment.id,
    team.surgeon.id,
    team.nurse.id,
    rooms[0]!.id,
  ];
  const rows = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`;
  tables = rows.map((r) => r.name);
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await scratch?.drop();
});

/** The number of rows of every table, as one text to compare. */
async function rowCounts(): Promise<string> {
  const counts = tables.map((t) => `(SELECT count(*) FROM "${t}")`).join(", ");
  const [row] = await prisma.$queryRawUnsafe<{ counts: string }[]>(`SELECT concat_ws(',', ${counts}) AS counts`);
  return row!.counts;
}

// The values that once reached PostgreSQL or BigInt() and came back as a 500, by kind, so that
// each field meets the ones of its own kind often enough.
const hostileText = [
  "a\u0000b",
  "\u0000",
  "bell\u0007",
  "\u001b[31m",
  "\u202eevil",
  "\ud800",
  "",
  " ",
  "x".repeat(5000),
  "' OR 1=1 --",
  "%00",
  "P0000001",
];
const hostileDates = [
  "0000-01-01",
  "0000-12-31",
  "2026-02-30",
  "31/02/2020",
  "30/02/2024",
  "2026-13-01",
  "1899-12-31",
  "3000-01-01",
  "+275760-09-13",
];
const hostileInstants = [
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00+14:00",
  "2026-02-30T10:00:00Z",
  "9999-12-31T23:59:59-12:00",
  "+275760-09-13T00:00:00.000Z",
  "1899-12-31T23:30:00-01:00",
  "2026-12-14T10:30:00+05:00",
];
const hostileNumbers = ["-1", "0", "1e400", "NaN", "Infinity", "9223372036854775808", "1.5", "null", "[]", "{}"];
const hostileCursors = [
  "not-a-cursor",
  encodeCursor({ id: "12abc" }),
  encodeCursor({ id: "99999999999999999999999" }),
  encodeCursor({ familyName: "a\u0000", givenName: "b", id: "x" }),
  encodeCursor({ statusChangedAt: "0000-01-01T00:00:00Z", id: "x" }),
  encodeCursor({ startsAt: "yesterday", id: "x" }),
  encodeCursor({ after: "2026-02-30T00:00:00Z" }),
  Buffer.from("[1,2]").toString("base64url"),
  Buffer.from("null").toString("base64url"),
];
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...hostileText, ...hostileDates, ...hostileInstants, ...hostileNumbers) },
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const hostileValue = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.constantFrom<unknown>(null, true, -1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.5, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
);

/** An instant near today, written with one of several offsets: text order is not time order. */
const plausibleInstant = fc
  .record({
    days: fc.integer({ min: -3, max: 10 }),
    minutes: fc.integer({ min: 0, max: 24 * 60 }),
    offset: fc.constantFrom(0, 5 * 60, -8 * 60, 14 * 60),
  })
  .map(({ days, minutes, offset }) => {
    const local = new Date(siteAt(days, 0).getTime() + minutes * 60_000 + offset * 60_000).toISOString().slice(0, 19);
    if (offset === 0) return `${local}Z`;
    const sign = offset > 0 ? "+" : "-";
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
    return `${local}${sign}${hours}:00`;
  });

/** A field's hostile values: those of its own kind often, any other sometimes. */
const hostileFor = (kind: string[]) => fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...kind) }, hostileValue);

function resolve(document: Document, schema: Schema): Schema {
  return schema.$ref ? resolve(document, document.components.schemas[schema.$ref.split("/").pop()!]!) : schema;
}

/** A value of roughly the declared shape (so checks further in are reached), or a hostile one. */
function valueOf(document: Document, raw: Schema, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const variants = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  if (variants.length) return fc.oneof(...variants.map((v) => valueOf(document, v, depth)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  let plausible: fc.Arbitrary<unknown>;
  if (schema.enum) plausible = fc.constantFrom(...schema.enum);
  else if (schema.const !== undefined) plausible = fc.constant(schema.const);
  else if (schema.format === "uuid") plausible = fc.oneof(fc.constantFrom(...realIds), fc.uuid());
  else if (schema.format === "date-time")
    return fc.oneof({ weight: 2, arbitrary: plausibleInstant }, hostileFor(hostileInstants));
  else if (schema.pattern?.includes("\\d{4}-"))
    return fc.oneof(
      { weight: 2, arbitrary: fc.integer({ min: -30, max: 60 }).map(dayFromToday) },
      hostileFor(hostileDates),
    );
  else if (type === "string")
    return fc.oneof(
      { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
      hostileFor([...hostileText, ...hostileDates]),
    );
  else if (type === "integer" || type === "number")
    return fc.oneof(
      { weight: 2, arbitrary: fc.integer({ min: (schema.minimum ?? -5) - 2, max: (schema.maximum ?? 100) + 2 }) },
      hostileFor(hostileNumbers),
    );
  else if (type === "boolean") plausible = fc.boolean();
  else if (type === "array" && depth < 3)
    plausible = fc.array(valueOf(document, schema.items ?? {}, depth + 1), { maxLength: 3 });
  else if (type === "object" && schema.properties && depth < 3) {
    const fields = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, valueOf(document, v, depth + 1)]),
    );
    plausible = fc.record(fields, { requiredKeys: [] });
  } else plausible = hostileValue;
  return fc.oneof({ weight: 2, arbitrary: plausible }, hostileValue);
}

/** A query or path value: always text on the wire. */
const asText = (value: unknown) => (typeof value === "string" ? value : (JSON.stringify(value) ?? ""));

const queryValue = (document: Document, name: string, schema: Schema) =>
  (name === "cursor" ? hostileFor(hostileCursors) : valueOf(document, schema)).map(asText);

const operations = () => {
  const document = openApiDocument() as unknown as Document;
  const byRoute = new Map((Object.values(endpoints) as Endpoint[]).map((e) => [`${e.method} ${e.path}`, e]));
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      document,
      path,
      method,
      operation,
      endpoint: byRoute.get(`${method} ${path}`)!,
    })),
  );
};

describe("hostile input to every operation of the OpenAPI document", () => {
  for (const { document, path, method, operation, endpoint } of operations()) {
    it(`${method.toUpperCase()} ${path}: no 5xx, only declared answers, and nothing written when refused`, async () => {
      const role = endpoint.action ? roles.find((r) => isAllowed(r, endpoint.action!)) : undefined;
      await signInAs(prisma, role ? actors.get(role)! : null);
      const inputs = operation.parameters?.filter((p) => p.in !== "header") ?? [];
      const request = fc.record({
        params: fc.record(
          Object.fromEntries(
            inputs.filter((p) => p.in === "path").map((p) => [p.name, valueOf(document, p.schema).map(asText)]),
          ),
        ),
        query: fc.record(
          Object.fromEntries(
            inputs.filter((p) => p.in === "query").map((p) => [p.name, queryValue(document, p.name, p.schema)]),
          ),
          { requiredKeys: [] },
        ),
        body: operation.requestBody
          ? fc.oneof(
              { weight: 4, arbitrary: valueOf(document, operation.requestBody.content["application/json"].schema) },
              hostileValue,
            )
          : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ params, query, body }) => {
          const before = await rowCounts();
          const response = await call(method, path, {
            params: params as Record<string, string>,
            query: new URLSearchParams(query as Record<string, string>).toString(),
            body: body === undefined ? undefined : JSON.stringify(body),
            headers: body === undefined ? {} : { "content-type": "application/json" },
          });
          const status = response.status;
          const text = await response.text();
          expect(status, text).toBeLessThan(500);
          const declared = operation.responses[String(status)];
          expect(Object.keys(operation.responses), `${status} is declared: ${text}`).toContain(String(status));
          const mediaType = response.headers.get("content-type")?.split(";")[0];
          if (mediaType) expect(Object.keys(declared?.content ?? {}), `${status} as ${mediaType}`).toContain(mediaType);
          if (status >= 400) expect(await rowCounts()).toBe(before);
        }),
        { numRuns: runsPerOperation },
      );
    });
  }
});
