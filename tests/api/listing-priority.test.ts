// POST and PATCH /api/v1/cases/{id}/surgical-listing: the clinical priority (WL-1), its history
// (append-only), and the case's two clocks (WL-2), through the route handlers.
import { callRoute, signInAs } from "../setup/routes";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cancelCase } from "@/lib/services/case-commands";
import { testDatabase } from "../setup/db";
import { dayFromToday, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
const owner = new Client({ connectionString: inject("ownerUrl") });
let team: Team;
const path = "/api/v1/cases/{id}/surgical-listing";
const caseView = "/api/v1/cases/{id}";

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
  await owner.connect();
});
afterAll(() => owner.end());

const history = (caseId: string) =>
  prisma.listingPriorityChange.findMany({ where: { listing: { caseId } }, orderBy: { id: "asc" } });

describe("the clinical priority of a listing (WL-1)", () => {
  it("records the priority given at listing, and its due day, as the first line of the history (WL-1)", async () => {
    const { caseId } = await caseAt(team, "failed_course");
    await signInAs(prisma, team.surgeon);
    const listed = await callRoute("POST", path, { id: caseId }, "", { priority: "P2" });
    expect(listed.status).toBe(201);
    const view = await (await callRoute("GET", caseView, { id: caseId })).json();
    expect(view.clinical.listing).toMatchObject({
      listedOn: today(),
      priority: "P2",
      priorityDueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      priorityHistory: [{ from: null, to: "P2", reason: "Set at listing" }],
    });
    expect(view.clocks.admitted).toMatchObject({ startedOn: today(), daysWaited: 0, stoppedOn: null });
  });

  it("lists as P4 when an older client sends no priority (WL-1)", async () => {
    const { caseId } = await caseAt(team, "failed_course");
    await signInAs(prisma, team.surgeon);
    expect((await callRoute("POST", path, { id: caseId }, "", {})).status).toBe(201);
    expect((await history(caseId)).map((h) => h.toPriority)).toEqual(["P4"]);
  });

  it("answers 400 at `priority` for a priority it does not know, and lists nothing (WL-1)", async () => {
    const { caseId } = await caseAt(team, "failed_course");
    await signInAs(prisma, team.surgeon);
    const res = await callRoute("POST", path, { id: caseId }, "", { priority: "urgent" });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([expect.objectContaining({ path: "priority" })]);
    expect(await prisma.surgicalListing.count({ where: { caseId } })).toBe(0);
  });

  it("changes the priority with a reason, keeps the history and audits it (WL-1)", async () => {
    const { caseId } = await caseAt(team, "assessed");
    await signInAs(prisma, team.surgeon);
    const res = await callRoute("PATCH", path, { id: caseId }, "", { priority: "P1", reason: "Locked ankle" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "assessed", priority: "P1" });
    expect((await history(caseId)).map((h) => [h.fromPriority, h.toPriority, h.reason])).toEqual([
      [null, "P4", "Set at listing"],
      ["P4", "P1", "Locked ankle"],
    ]);
    expect(
      await prisma.auditEvent.count({ where: { action: "case.listing.priority", patientId: { not: null } } }),
    ).toBeGreaterThan(0);
  });

  it("answers 400 naming `reason` when a change has none, and changes nothing (WL-1)", async () => {
    const { caseId } = await caseAt(team, "listed");
    await signInAs(prisma, team.surgeon);
    for (const body of [{ priority: "P2" }, { priority: "P2", reason: "   " }]) {
      const res = await callRoute("PATCH", path, { id: caseId }, "", body);
      expect(res.status).toBe(400);
      expect((await res.json()).errors).toEqual([expect.objectContaining({ path: "reason" })]);
    }
    expect((await history(caseId)).length).toBe(1);
  });

  it("refuses with 422 WL-1 the same priority, a case not on the list and an operated one (WL-1)", async () => {
    await signInAs(prisma, team.surgeon);
    const listed = await caseAt(team, "listed");
    const same = await callRoute("PATCH", path, { id: listed.caseId }, "", { priority: "P4", reason: "Check" });
    expect([same.status, (await same.json()).code]).toEqual([422, "WL-1"]);
    for (const stage of ["failed_course", "operated"] as const) {
      const { caseId } = await caseAt(team, stage);
      const res = await callRoute("PATCH", path, { id: caseId }, "", { priority: "P1", reason: "Worse" });
      expect([res.status, (await res.json()).code]).toEqual([422, "WL-1"]);
    }
    expect((await history(listed.caseId)).length).toBe(1);
  });

  it("lets only a surgeon change it: 403 for every other role, nothing written (WL-1)", async () => {
    const { caseId } = await caseAt(team, "listed");
    for (const role of ["reception", "anaesthetist", "nurse", "physio"] as const) {
      await signInAs(prisma, team[role]);
      const res = await callRoute("PATCH", path, { id: caseId }, "", { priority: "P1", reason: "Worse" });
      expect(res.status).toBe(403);
    }
    expect((await history(caseId)).length).toBe(1);
  });

  it("keeps the history even from the tables' owner: no UPDATE or DELETE (WL-1)", async () => {
    const { caseId } = await caseAt(team, "listed");
    const [first] = await history(caseId);
    await expect(
      owner.query(`UPDATE listing_priority_change SET reason = 'x' WHERE id = $1`, [first!.id]),
    ).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM listing_priority_change WHERE id = $1`, [first!.id])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("the case's clocks (WL-2)", () => {
  it("shows reception the admitted clock from the listing day, stopped by a cancellation (WL-2)", async () => {
    const { caseId } = await caseAt(team, "listed");
    await signInAs(prisma, team.reception);
    const running = await (await callRoute("GET", caseView, { id: caseId })).json();
    expect(running.clocks.admitted).toMatchObject({ stoppedOn: null, daysWaited: 2 + 95, breached: false });
    expect(running.clocks.referral).toMatchObject({ startedOn: dayFromToday(-162), stoppedOn: dayFromToday(-142) });
    await cancelCase(team.surgeon, caseId, { reason: "Patient moved away" });
    const stopped = await (await callRoute("GET", caseView, { id: caseId })).json();
    expect(stopped.clocks.admitted).toMatchObject({ stoppedOn: today(), daysWaited: 97 });
  });
});
