// POST and GET /api/v1/cases/{id}/complications through the route handlers: a complication is
// recorded by a surgeon, dated from the operation day to today (OC-3), optionally from the
// dressing visit with signs of infection that offered it; each refusal writes nothing.
import { callRoute, signInAs } from "../setup/routes";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dateColumn } from "@/lib/db/dates";
import { recordDressingVisit } from "@/lib/services/recovery";
import { testDatabase } from "../setup/db";
import { dayFromToday, now, today } from "../setup/clock";
import { caseAt, createClinic, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
const path = "/api/v1/cases/{id}/complications";

beforeAll(async () => {
  ({ team } = await createClinic(prisma));
});

/** A case operated 6 days ago whose D4 dressing the nurse recorded with signs of infection. */
async function infectedCase() {
  const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 6 });
  const visit = await prisma.dressingVisit.findFirstOrThrow({ where: { caseId, dueOn: dateColumn(dayFromToday(-2)) } });
  const record = await recordDressingVisit(team.nurse, visit.id, { woundState: "signs_of_infection" }, now());
  return { caseId, dressingRecordId: record.id, visitOn: dayFromToday(-2) };
}

const complications = (caseId: string) => prisma.complication.count({ where: { caseId } });

async function refusedWith(caseId: string, body: object, status: number) {
  const response = await callRoute("POST", path, { id: caseId }, "", body);
  expect(response.status, await response.clone().text()).toBe(status);
  expect(await complications(caseId)).toBe(0);
  return response.json();
}

describe("complications (OC-3)", () => {
  it("offers the surgeon a wound infection from an infected dressing visit until it is recorded from it (OC-3)", async () => {
    const { caseId, dressingRecordId, visitOn } = await infectedCase();
    await signInAs(prisma, team.surgeon);
    const before = await (await callRoute("GET", path, { id: caseId })).json();
    expect(before).toEqual({ items: [], offers: [{ dressingRecordId, visitOn, kind: "wound_infection" }] });
    const response = await callRoute("POST", path, { id: caseId }, "", {
      occurredOn: visitOn,
      kind: "wound_infection",
      grade: "II",
      dressingRecordId,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      occurredOn: visitOn,
      kind: "wound_infection",
      grade: "II",
      notes: null,
      dressingRecordId,
      dayAfterOperation: 4,
    });
    const after = await (await callRoute("GET", path, { id: caseId })).json();
    expect(after.offers).toEqual([]);
    expect(after.items).toHaveLength(1);
    const ids = (await prisma.complication.findMany({ where: { caseId } })).map((c) => c.id);
    expect(
      await prisma.auditEvent.count({ where: { action: "outcome.complication.record", entityId: { in: ids } } }),
    ).toBe(1);
  });

  it("answers 403 to every role but the surgeon, and writes nothing", async () => {
    const { caseId } = await infectedCase();
    for (const role of ["nurse", "physio", "anaesthetist", "reception"] as const) {
      await signInAs(prisma, team[role]);
      expect((await refusedWith(caseId, { occurredOn: today(), kind: "crps", grade: "I" }, 403)).code).toBe(
        "FORBIDDEN",
      );
    }
  });

  it("answers 400 at `notes` for 'other' without a description, and at `grade` for a grade Clavien-Dindo does not have", async () => {
    const { caseId } = await infectedCase();
    await signInAs(prisma, team.surgeon);
    const other = await refusedWith(caseId, { occurredOn: today(), kind: "other", grade: "I", notes: " " }, 400);
    expect(other.errors.map((e: { path: string }) => e.path)).toEqual(["notes"]);
    const grade = await refusedWith(caseId, { occurredOn: today(), kind: "crps", grade: "III" }, 400);
    expect(grade.errors.map((e: { path: string }) => e.path)).toEqual(["grade"]);
    const record = await refusedWith(
      caseId,
      { occurredOn: today(), kind: "crps", grade: "I", dressingRecordId: "x" },
      400,
    );
    expect(record.errors.map((e: { path: string }) => e.path)).toEqual(["dressingRecordId"]);
  });

  it("refuses a complication before the operation day or in the future (OC-3)", async () => {
    const { caseId } = await infectedCase();
    await signInAs(prisma, team.surgeon);
    const before = await refusedWith(caseId, { occurredOn: dayFromToday(-7), kind: "crps", grade: "I" }, 422);
    expect(before).toMatchObject({ code: "OC-3", detail: expect.stringContaining("before the operation") });
    const future = await refusedWith(caseId, { occurredOn: dayFromToday(1), kind: "crps", grade: "I" }, 422);
    expect(future).toMatchObject({ code: "OC-3", detail: expect.stringContaining("future") });
  });

  it("records a complication of one kind on one day once, however many send it at once (OC-3)", async () => {
    const { caseId } = await infectedCase();
    await signInAs(prisma, team.surgeon);
    const body = { occurredOn: today(), kind: "deep_vein_thrombosis", grade: "II" };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => callRoute("POST", path, { id: caseId }, "", body)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422]);
    const refused = await responses.find((r) => r.status === 422)!.json();
    expect(refused).toMatchObject({ code: "OC-3", detail: expect.stringContaining("already recorded") });
    expect(await complications(caseId)).toBe(1);
    // Another kind on the same day is another complication.
    const other = await callRoute("POST", path, { id: caseId }, "", { ...body, kind: "crps" });
    expect(other.status).toBe(201);
  });

  it("refuses a complication on a case not operated (OC-3), and answers 404 for an unknown case", async () => {
    const { caseId } = await caseAt(team, "listed");
    await signInAs(prisma, team.surgeon);
    expect((await refusedWith(caseId, { occurredOn: today(), kind: "crps", grade: "I" }, 422)).code).toBe("OC-3");
    const unknown = await callRoute("POST", path, { id: randomUUID() }, "", {
      occurredOn: today(),
      kind: "crps",
      grade: "I",
    });
    expect(unknown.status).toBe(404);
  });

  it("refuses a dressing record of another case, or one whose complication is recorded (OC-3)", async () => {
    const first = await infectedCase();
    const second = await infectedCase();
    await signInAs(prisma, team.surgeon);
    const foreign = await refusedWith(
      first.caseId,
      { occurredOn: today(), kind: "wound_infection", grade: "I", dressingRecordId: second.dressingRecordId },
      422,
    );
    expect(foreign).toMatchObject({ code: "OC-3", detail: expect.stringContaining("not one of this case's") });
    const unknown = await refusedWith(
      first.caseId,
      { occurredOn: today(), kind: "wound_infection", grade: "I", dressingRecordId: randomUUID() },
      422,
    );
    expect(unknown.code).toBe("OC-3");
    const body = { occurredOn: today(), kind: "wound_infection", grade: "I", dressingRecordId: first.dressingRecordId };
    expect((await callRoute("POST", path, { id: first.caseId }, "", body)).status).toBe(201);
    const again = await callRoute("POST", path, { id: first.caseId }, "", body);
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ code: "OC-3", detail: expect.stringContaining("already recorded") });
    expect(await complications(first.caseId)).toBe(1);
  });
});
