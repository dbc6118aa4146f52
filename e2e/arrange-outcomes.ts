// Run through tsx by e2e/dashboard-outcomes.spec.ts (Playwright's loader cannot load the generated
// database client): one new patient's case walked to its operation through the real commands, as
// the demo team, then the outcome records given, stored as the recording commands store them.
// Arguments: the database URL, the clock (ISO 8601) and the arrangement (JSON). Prints the case id.
import { createDb, setDb } from "@/lib/db/client";
import { dateColumn } from "@/lib/db/dates";
import { addDays, dayOf } from "@/lib/domain/time";
import type { ClavienDindoGrade, ComplicationKind, PainTimepoint, ReturnActivity } from "@/lib/domain/vocabulary";
import { registerPatient } from "@/lib/services/patients";
import { demoZone, walkCase } from "@/prisma/demo-cases";

export type OutcomeArrangement = {
  familyName: string;
  operatedDaysAgo: number;
  scores: { timepoint: PainTimepoint; score: number }[];
  returns: { activity: ReturnActivity; daysAfter: number }[];
  complications: { kind: ComplicationKind; grade: ClavienDindoGrade }[];
};

async function main() {
  const [url, clock, json] = process.argv.slice(2);
  const prisma = setDb(createDb(url!, { connections: 1 }));
  const now = new Date(clock!);
  const arrangement = JSON.parse(json!) as OutcomeArrangement;
  try {
    const actor = async (email: string) => {
      const s = await prisma.staff.findUniqueOrThrow({ where: { email } });
      return { id: s.id, name: s.name, role: s.role };
    };
    const team = {
      reception: await actor("reception@demo.clinic"),
      surgeon: await actor("surgeon@demo.clinic"),
      anaesthetist: await actor("anaesthetist@demo.clinic"),
    };
    const patient = await registerPatient(team.reception, {
      givenName: "Outcome",
      familyName: arrangement.familyName,
      birthDate: "1985-05-05",
      sex: "female",
      phone: null,
      email: null,
    });
    const { caseId } = await walkCase(team, patient.id, "operated", {
      now,
      operatedDaysAgo: arrangement.operatedDaysAgo,
    });
    const operatedOn = addDays(dayOf(now, demoZone), -arrangement.operatedDaysAgo);
    const recordedById = team.surgeon.id;
    await prisma.painScore.createMany({
      data: arrangement.scores.map((s) => ({ caseId, recordedOn: dateColumn(operatedOn), ...s, recordedById })),
    });
    await prisma.activityReturn.createMany({
      data: arrangement.returns.map((r) => ({
        caseId,
        activity: r.activity,
        sport: r.activity === "sport" ? "Dance" : null,
        resumedOn: dateColumn(addDays(operatedOn, r.daysAfter)),
        recordedById,
      })),
    });
    await prisma.complication.createMany({
      data: arrangement.complications.map((k) => ({ caseId, occurredOn: dateColumn(operatedOn), ...k, recordedById })),
    });
    process.stdout.write(caseId);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
