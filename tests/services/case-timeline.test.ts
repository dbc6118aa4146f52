import { beforeAll, describe, expect, it } from "vitest";
import { bookAppointment } from "@/lib/services/appointments";
import { recordDressing } from "@/lib/services/recovery";
import { acknowledgeAlerts, recoveryBoard } from "@/lib/services/recovery-board";
import { getCase } from "@/lib/services/cases";
import { testDatabase } from "../setup/db";
import { now, siteAt } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, giveHours } from "../setup/scheduling";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  team = await createTeam(prisma);
  await giveHours(prisma, team.surgeon, team.anaesthetist, team.nurse, team.physio);
  await createRooms(prisma, team.reception, "dressing", 2);
});

describe("the case's timeline", () => {
  it("shows a recorded dressing visit, with who and the note, beside the acknowledgement of its alert, to clinicians only (PO-3)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 2 });
    const appointment = await bookAppointment(
      team.nurse,
      { caseId, kind: "dressing", start: siteAt(0, 8).toISOString(), homeVisit: true },
      siteAt(0, 0),
    );
    await recordDressing(
      team.nurse,
      appointment.id,
      { woundState: "signs_of_infection", notes: "Redness at the lateral portal" },
      now(),
    );
    const infection = (await recoveryBoard(team.surgeon)).items
      .find((i) => i.caseId === caseId)!
      .alerts.find((a) => a.kind === "infection")!;
    await acknowledgeAlerts(team.surgeon, caseId, { keys: [infection.key], note: "Antibiotics started" });

    const nameOf = async (id: string) => (await prisma.staff.findUniqueOrThrow({ where: { id } })).name;
    const { events, acknowledgements } = (await getCase(team.surgeon, caseId)).clinical!;
    expect(events.map(({ what, by, note }) => ({ what, by, note }))).toEqual([
      {
        what: "Dressing visit recorded: wound signs of infection",
        by: await nameOf(team.nurse.id),
        note: "Redness at the lateral portal",
      },
    ]);
    expect(acknowledgements).toMatchObject([{ by: await nameOf(team.surgeon.id), note: "Antibiotics started" }]);
    expect(events[0]!.at <= acknowledgements[0]!.at).toBe(true);
    expect((await getCase(team.reception, caseId)).clinical).toBeNull();
  });
});
