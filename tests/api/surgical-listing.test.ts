// The surgeon's clinical priority as the case page and API clients read it (WL-1), beside the
// foundation's own tests of the commands (tests/api/listing-priority.test.ts): the exact due day
// of each priority, the whole history after several changes, and the OpenAPI description of the
// change.
import { callRoute, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/http/openapi";
import { dayFromToday, today } from "../setup/clock";
import { testDatabase } from "../setup/db";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
});

const listing = "/api/v1/cases/{id}/surgical-listing";

const caseView = async (caseId: string) => {
  await signInAs(prisma, team.surgeon);
  const response = await callRoute("get", "/api/v1/cases/{id}", { id: caseId });
  expect(response.status).toBe(200);
  return response.json();
};

describe("the priority on the case (WL-1)", () => {
  it("is due three days after listing for P1, and has no due day for P4 (WL-1)", async () => {
    const urgent = await caseAt(team, "failed_course");
    const routine = await caseAt(team, "failed_course");
    await signInAs(prisma, team.surgeon);
    expect((await callRoute("post", listing, { id: urgent.caseId }, "", { priority: "P1" })).status).toBe(201);
    expect((await callRoute("post", listing, { id: routine.caseId }, "", { priority: "P4" })).status).toBe(201);
    expect((await caseView(urgent.caseId)).clinical.listing).toMatchObject({
      listedOn: today(),
      priority: "P1",
      priorityDueOn: dayFromToday(3),
    });
    expect((await caseView(routine.caseId)).clinical.listing).toMatchObject({ priority: "P4", priorityDueOn: null });
  });

  it("keeps every row, oldest first with who and why, when the priority changes twice (WL-1)", async () => {
    const { caseId } = await caseAt(team, "listed");
    await signInAs(prisma, team.surgeon);
    const first = await callRoute("patch", listing, { id: caseId }, "", { priority: "P2", reason: "Locking at night" });
    expect(first.status).toBe(200);
    const second = await callRoute("patch", listing, { id: caseId }, "", {
      priority: "P1",
      reason: "Cannot bear weight",
    });
    expect(second.status).toBe(200);
    const view = await caseView(caseId);
    expect(view.clinical.listing.priority).toBe("P1");
    const by = (await prisma.staff.findUniqueOrThrow({ where: { id: team.surgeon.id } })).name;
    expect(view.clinical.listing.priorityHistory).toEqual([
      { at: expect.any(String), from: null, to: "P4", reason: expect.any(String), by },
      { at: expect.any(String), from: "P4", to: "P2", reason: "Locking at night", by },
      { at: expect.any(String), from: "P2", to: "P1", reason: "Cannot bear weight", by },
    ]);
    const times = view.clinical.listing.priorityHistory.map((h: { at: string }) => h.at);
    expect([...times].sort()).toEqual(times);
  });
});

type Schema = { $ref?: string; properties?: Record<string, Schema>; required?: string[]; enum?: string[] };
type Operation = {
  summary?: string;
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
};

describe("the OpenAPI document", () => {
  const document = openApiDocument() as unknown as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Schema> };
  };
  const resolve = (schema: Schema): Schema =>
    schema.$ref ? resolve(document.components.schemas[schema.$ref.split("/").pop()!]!) : schema;

  it("describes the priority change: priority P1-P4 and reason required, 200, and 400, 403, 404 and 422 WL-1 refusals", () => {
    const patch = document.paths[listing]?.patch;
    expect(patch?.summary).toMatch(/priority/i);
    const body = resolve(patch!.requestBody!.content["application/json"]!.schema);
    expect(body.required?.sort()).toEqual(["priority", "reason"]);
    expect(resolve(body.properties!.priority!).enum).toEqual(["P1", "P2", "P3", "P4"]);
    expect(Object.keys(patch!.responses)).toEqual(expect.arrayContaining(["200", "400", "403", "404", "422"]));
    const refusal = resolve(patch!.responses["422"]!.content!["application/problem+json"]!.schema);
    expect(resolve(refusal.properties!.code!).enum).toContain("WL-1");
  });

  it("describes the priority a listing may be given: P1-P4, optional", () => {
    const post = document.paths[listing]!.post!;
    const body = resolve(post.requestBody!.content["application/json"]!.schema);
    expect(resolve(body.properties!.priority!).enum).toEqual(["P1", "P2", "P3", "P4"]);
    expect(body.required ?? []).not.toContain("priority");
  });
});
