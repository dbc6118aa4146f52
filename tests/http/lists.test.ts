// Lists are never cut short without a sign: a list that stops at `limit` pages with
// {items, nextCursor}, and following the cursors gives every item once.
import { call, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import { endpoints, type Endpoint } from "@/lib/http/endpoints";
import { openApiDocument } from "@/lib/http/openapi";
import { siteAt, dayFromToday } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, giveHours } from "../setup/scheduling";
import { bookAppointment } from "@/lib/services/appointments";
import { registerPatient } from "@/lib/services/patients";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon);
  await createRooms(prisma, team.reception, "consulting");
});

/** The lists returned whole: small and bounded by nature, they have no limit to stop at. */
// The candidates for one freed theatre time are answered whole, as the contract writes them ({items}).
const wholeLists = new Set<keyof typeof endpoints>([
  "listStaff",
  "listRooms",
  "dressingRound",
  "recoveryBoard",
  "theatreCandidates",
  // One case's returns to activity (one per activity) and complications.
  "listActivityReturns",
  "listComplications",
]);

type Schema = {
  properties?: Record<string, Schema>;
  $ref?: string;
  default?: unknown;
  maximum?: number;
  required?: string[];
};

describe("lists in the OpenAPI document", () => {
  const document = openApiDocument() as unknown as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { name: string; schema: Schema }[];
          responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
        }
      >
    >;
    components: { schemas: Record<string, Schema> };
  };
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? document.components.schemas[schema.$ref.split("/").pop()!]! : schema;

  it("every list that can stop at a limit declares the limit's default and maximum and answers nextCursor", () => {
    const unpaged: string[] = [];
    for (const [name, endpoint] of Object.entries(endpoints) as [keyof typeof endpoints, Endpoint][]) {
      if (endpoint.method !== "get" || wholeLists.has(name)) continue;
      const operation = document.paths[endpoint.path]![endpoint.method]!;
      const success = operation.responses["200"]?.content?.["application/json"]?.schema;
      const body = success ? resolve(success) : undefined;
      if (!body?.properties?.items) continue;
      const limit = operation.parameters?.find((p) => p.name === "limit")?.schema;
      const cursor = operation.parameters?.find((p) => p.name === "cursor");
      const paged =
        body.properties.nextCursor &&
        body.required?.includes("nextCursor") &&
        limit?.default !== undefined &&
        limit?.maximum !== undefined &&
        cursor;
      if (!paged) unpaged.push(name);
    }
    expect(unpaged).toEqual([]);
  });
});

/** Follows nextCursor from the first page to the last, `limit` at a time. */
async function allPages(path: string, query: string, limit: number) {
  const pages: { items: { id?: string; start?: string }[]; nextCursor: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const response = await call("get", path, {
      query: `${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as (typeof pages)[number];
    expect(body.items.length).toBeLessThanOrEqual(limit);
    pages.push(body);
    cursor = body.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("lists page with {items, nextCursor}", () => {
  it("pages a case's appointments one at a time, with a cursor until the last", async () => {
    const { caseId } = await caseAt(team, "referred");
    const starts = [siteAt(7, 9), siteAt(7, 11), siteAt(8, 9)];
    for (const start of starts)
      await bookAppointment(team.reception, {
        caseId,
        kind: "consultation",
        start: start.toISOString(),
        clinicianId: team.surgeon.id,
      });
    await signInAs(prisma, team.reception);
    const first = await call("get", "/api/v1/appointments", { query: `caseId=${caseId}&limit=1` });
    const body = await first.json();
    expect(body.items).toHaveLength(1);
    expect(body.nextCursor).toEqual(expect.any(String));
    const pages = await allPages("/api/v1/appointments", `caseId=${caseId}`, 1);
    expect(pages.map((p) => p.items.map((a) => a.start)).flat()).toEqual(starts.map((s) => s.toISOString()));
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const two = await allPages("/api/v1/appointments", `caseId=${caseId}`, 2);
    expect(two.map((p) => p.items.length)).toEqual([2, 1]);
  });

  it("pages the possible duplicates of a registration", async () => {
    const familyName = `Twin${Math.random().toString(36).slice(2, 8)}`;
    for (const givenName of ["Anna", "Anne", "Annie"]) {
      await registerPatient(team.reception, {
        givenName,
        familyName,
        birthDate: "1977-07-07",
        sex: "female",
        phone: null,
        email: null,
      });
    }
    await signInAs(prisma, team.reception);
    const pages = await allPages(
      "/api/v1/patients/duplicates",
      `givenName=Ann&familyName=${familyName}&birthDate=1977-07-07`,
      2,
    );
    expect(pages.map((p) => p.items.length)).toEqual([2, 1]);
    expect(new Set(pages.flatMap((p) => p.items.map((x) => x.id))).size).toBe(3);
  });

  it("pages free slots: the next page starts after the last slot of the one before", async () => {
    const { caseId } = await caseAt(team, "referred");
    await signInAs(prisma, team.reception);
    const query = `caseId=${caseId}&kind=consultation&from=${dayFromToday(10)}&days=1&clinicianId=${team.surgeon.id}`;
    const pages = await allPages("/api/v1/appointments/slots", query, 10);
    expect(pages.length).toBeGreaterThan(1);
    const starts = pages.flatMap((p) => p.items.map((s) => s.start!));
    expect([...starts].sort()).toEqual(starts);
    expect(new Set(starts).size).toBe(starts.length);
    const all = await call("get", "/api/v1/appointments/slots", { query: `${query}&limit=100` });
    expect((await all.json()).items.map((s: { start: string }) => s.start)).toEqual(starts);
  });
});
