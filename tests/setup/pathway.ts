import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import {
  listForSurgery,
  recordAnaesthesiaAssessment,
  recordImaging,
  recordOperation,
  reviewFirstLineCourse,
  startFirstLineCourse,
} from "@/lib/services/case-commands";
import { createCase } from "@/lib/services/cases";
import { registerPatient } from "@/lib/services/patients";
import { addDays } from "@/lib/domain/time";
import { createActor } from "./db";

export type Team = { reception: Actor; surgeon: Actor; anaesthetist: Actor; physio: Actor; nurse: Actor };

/** Staff of every clinical role on one site (Europe/London). */
export async function createTeam(prisma: Db): Promise<Team> {
  const reception = await createActor(prisma, "reception");
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: reception.id } });
  const member = async (role: "surgeon" | "anaesthetist" | "physio" | "nurse") => {
    const actor = await createActor(prisma, role);
    await prisma.staff.update({ where: { id: actor.id }, data: { siteId } });
    return actor;
  };
  return { reception, surgeon: await member("surgeon"), anaesthetist: await member("anaesthetist"), physio: await member("physio"), nurse: await member("nurse") };
}

export const stages = ["referred", "diagnosed", "first_line", "failed_course", "listed", "assessed", "operated"] as const;
export type Stage = (typeof stages)[number];

/** A case walked through the pathway up to `stage`, with dates counted back from today. */
export async function caseAt(team: Team, stage: Stage, options: { operatedDaysAgo?: number; today?: string } = {}) {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const daysAgo = (n: number) => addDays(today, -n);
  const patient = await registerPatient(team.reception, { givenName: "Case", familyName: `Pathway${Math.random().toString(36).slice(2, 8)}`, birthDate: "1980-01-01", sex: "female", phone: null, email: null });
  const kase = await createCase(team.reception, { patientId: patient.id, side: "left", mechanism: "microtrauma" });
  const reached = (s: Stage) => stages.indexOf(stage) >= stages.indexOf(s);
  const op = options.operatedDaysAgo ?? 2;
  let courseId = "";
  if (reached("diagnosed")) await recordImaging(team.surgeon, kase.id, { modality: "mri", performedOn: daysAgo(op + 120), findings: "Os trigonum with oedema", supportsDiagnosis: true });
  if (reached("first_line")) {
    courseId = (await startFirstLineCourse(team.surgeon, kase.id, { startedOn: daysAgo(op + 110), painSeverity: "moderate", measures: ["analgesics", "physiotherapy"] })).id;
  }
  if (reached("failed_course")) await reviewFirstLineCourse(team.surgeon, kase.id, courseId, { reviewedOn: daysAgo(op + 60), outcome: "failed" });
  if (reached("listed")) await listForSurgery(team.surgeon, kase.id, { listedOn: daysAgo(op + 50) });
  if (reached("assessed")) {
    await recordAnaesthesiaAssessment(team.anaesthetist, kase.id, { assessedOn: daysAgo(op + 20), asaGrade: 1, anaesthesiaType: "locoregional", homeSupport: true });
  }
  if (reached("operated")) {
    await recordOperation(team.surgeon, kase.id, {
      performedAt: `${daysAgo(op)}T10:00:00Z`,
      procedure: "Posterior ankle arthroscopy through two portals either side of the Achilles tendon",
      anaesthesiaGiven: "locoregional",
      findings: "Os trigonum excised",
      dischargeAnalgesia: "Paracetamol 1 g four times a day",
    });
  }
  return { caseId: kase.id, patientId: patient.id, courseId };
}
