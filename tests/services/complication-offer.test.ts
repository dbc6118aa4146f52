// OC-3: a dressing visit with signs of infection offers the surgeon a complication record on the
// recovery board's alert, until the complication is recorded from that visit.
import { beforeAll, describe, expect, it } from "vitest";
import { dateColumn } from "@/lib/db/dates";
import { recordComplication } from "@/lib/services/outcome-records";
import { recordDressingVisit } from "@/lib/services/recovery";
import { recoveryBoard } from "@/lib/services/recovery-board";
import { testDatabase } from "../setup/db";
import { dayFromToday, now } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  team = await createTeam(prisma);
});

async function infectionAlert(actor: Team[keyof Team], caseId: string) {
  const row = (await recoveryBoard(actor, now())).items.find((i) => i.caseId === caseId)!;
  return row.alerts.find((a) => a.kind === "infection");
}

describe("the complication an infected dressing visit offers (OC-3)", () => {
  it("offers the surgeon, not the nurse, a complication on the infection alert until it is recorded (OC-3)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 4 });
    const visit = await prisma.dressingVisit.findFirstOrThrow({
      where: { caseId, dueOn: dateColumn(dayFromToday(-2)) },
    });
    const record = await recordDressingVisit(team.nurse, visit.id, { woundState: "signs_of_infection" }, now());

    expect((await infectionAlert(team.surgeon, caseId))?.complication).toEqual({ dressingRecordId: record.id });
    expect(await infectionAlert(team.nurse, caseId)).toBeDefined();
    expect((await infectionAlert(team.nurse, caseId))?.complication).toBeUndefined();

    await recordComplication(
      team.surgeon,
      caseId,
      { occurredOn: dayFromToday(-2), kind: "wound_infection", grade: "II", dressingRecordId: record.id },
      now(),
    );
    const after = await infectionAlert(team.surgeon, caseId);
    expect(after).toBeDefined();
    expect(after?.complication).toBeUndefined();
  });
});
