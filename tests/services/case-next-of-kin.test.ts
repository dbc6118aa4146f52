// SX-4's help-at-home question is asked at the anaesthesia assessment: the case the anaesthetist
// decides on shows who the patient's next of kin or carer is, or that none is recorded.
import { beforeAll, describe, expect, it } from "vitest";
import { getCase } from "@/lib/services/cases";
import { updatePatient } from "@/lib/services/patients";
import { patientPatch } from "@/lib/schemas/patient";
import { testDatabase } from "../setup/db";
import { caseAt, createTeam, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  team = await createTeam(prisma);
});

describe("next of kin on the case (SX-4)", () => {
  it("shows the anaesthetist the patient's next of kin or carer, and null when none is recorded", async () => {
    const listed = await caseAt(team, "listed");
    expect((await getCase(team.anaesthetist, listed.caseId)).nextOfKin).toBeNull();
    await updatePatient(
      team.reception,
      listed.patientId,
      patientPatch.parse({ nextOfKin: { name: "Ruth Adeyemi", relationship: "Daughter", phone: "07700 900789" } }),
    );
    expect((await getCase(team.anaesthetist, listed.caseId)).nextOfKin).toEqual({
      name: "Ruth Adeyemi",
      relationship: "Daughter",
      phone: "07700 900789",
    });
  });
});
