// PW-3 at run time: moveCase writes only a move the pathway itself made, and only onto a case in
// the status that move was decided on. The type's brand stops a forgery at compile time; these
// stop a copy, a spread or a decision applied to the wrong case.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { CaseMove } from "@/lib/domain/case-decision";
import { decideCancellation } from "@/lib/domain/pathway";
import { moveCase } from "@/lib/services/case-record";
import { testDatabase } from "../setup/db";
import { caseAt, createTeam, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  team = await createTeam(prisma);
});

const cancellation = (status: "referred" | "diagnosed") => {
  const decision = decideCancellation({ status } as Parameters<typeof decideCancellation>[0], { reason: "Moved away" });
  if (!decision.ok || !decision.to) throw new Error("expected a move");
  return decision;
};

async function tryMove(caseId: string, move: CaseMove) {
  return db().$transaction((tx) => moveCase(tx, team.reception, caseId, move));
}

async function statusAndHistory(caseId: string) {
  const row = await prisma.clinicalCase.findUniqueOrThrow({ where: { id: caseId } });
  return { status: row.status, transitions: await prisma.caseTransition.count({ where: { caseId } }) };
}

describe("moveCase (PW-3)", () => {
  it("moves a case by the pathway's own decision and records the transition", async () => {
    const { caseId } = await caseAt(team, "referred");
    const before = await statusAndHistory(caseId);
    await tryMove(caseId, cancellation("referred"));
    expect(await statusAndHistory(caseId)).toEqual({ status: "cancelled", transitions: before.transitions + 1 });
  });

  it("refuses a copy of a decision with another target, and writes nothing (PW-3)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const before = await statusAndHistory(caseId);
    const real = cancellation("referred");
    await expect(tryMove(caseId, { ...real, to: "discharged" })).rejects.toThrow(/decision of the pathway/);
    await expect(tryMove(caseId, Object.assign({}, real, { to: "discharged" }))).rejects.toThrow(
      /decision of the pathway/,
    );
    expect(() => Object.assign(real, { to: "discharged" })).toThrow(TypeError);
    expect(await statusAndHistory(caseId)).toEqual(before);
  });

  it("refuses a decision made on another status than the case's, and writes nothing (PW-3)", async () => {
    const { caseId } = await caseAt(team, "referred");
    const before = await statusAndHistory(caseId);
    await expect(tryMove(caseId, cancellation("diagnosed"))).rejects.toThrow(/not "diagnosed"/);
    expect(await statusAndHistory(caseId)).toEqual(before);
  });
});
