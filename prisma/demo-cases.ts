// Walks a case through the pathway with the real commands, so demo and test cases obey every
// rule and carry their transitions and audit rows. Dates count back from `today`.
import type { Actor } from "@/lib/auth/actor";
import { addDays, type Day } from "@/lib/domain/time";
import {
  listForSurgery,
  recordAnaesthesiaAssessment,
  recordImaging,
  recordOperation,
  reviewFirstLineCourse,
  startFirstLineCourse,
} from "@/lib/services/case-commands";
import { createCase } from "@/lib/services/cases";

export type Team = { reception: Actor; surgeon: Actor; anaesthetist: Actor };

export const stages = ["referred", "diagnosed", "first_line", "failed_course", "listed", "assessed", "operated"] as const;
export type Stage = (typeof stages)[number];

export type WalkOptions = {
  today: Day;
  /** Day 0 counts back this many days from today; earlier steps fall before it. */
  operatedDaysAgo?: number;
  homeSupport?: boolean;
  side?: "left" | "right";
  mechanism?: "traumatic" | "microtrauma" | "unknown";
};

export async function walkCase(team: Team, patientId: string, stage: Stage, options: WalkOptions) {
  const op = options.operatedDaysAgo ?? 2;
  const on = (daysBeforeOperation: number) => addDays(options.today, -(op + daysBeforeOperation));
  const reached = (s: Stage) => stages.indexOf(stage) >= stages.indexOf(s);
  const kase = await createCase(team.reception, {
    patientId,
    side: options.side ?? "left",
    mechanism: options.mechanism ?? "microtrauma",
    symptoms: { plantarFlexionPain: true, onset: "delayed", triggers: "Dancing on tiptoe" },
    referredOn: [on(160), options.today].sort()[0],
  });
  let courseId = "";
  if (reached("diagnosed")) {
    await recordImaging(team.surgeon, kase.id, { modality: "mri", performedOn: on(150), findings: "Os trigonum with surrounding oedema", supportsDiagnosis: true });
  }
  if (reached("first_line")) {
    const course = { startedOn: on(140), painSeverity: "moderate" as const, measures: ["analgesics" as const, "strapping" as const, "physiotherapy" as const] };
    courseId = (await startFirstLineCourse(team.surgeon, kase.id, course)).id;
  }
  if (reached("failed_course")) await reviewFirstLineCourse(team.surgeon, kase.id, courseId, { reviewedOn: on(100), outcome: "failed" });
  if (reached("listed")) await listForSurgery(team.surgeon, kase.id, { listedOn: on(95), notes: "Arthroscopic excision of the os trigonum" });
  if (reached("assessed")) {
    await recordAnaesthesiaAssessment(team.anaesthetist, kase.id, {
      assessedOn: on(30),
      asaGrade: 1,
      anaesthesiaType: "locoregional",
      homeSupport: options.homeSupport ?? true,
      notes: null,
    });
  }
  if (reached("operated")) {
    await recordOperation(team.surgeon, kase.id, {
      performedAt: `${on(0)}T10:00:00Z`,
      procedure: "Posterior ankle arthroscopy through two portals either side of the Achilles tendon",
      anaesthesiaGiven: "locoregional",
      anaesthesiaChangeReason: null,
      findings: "Os trigonum excised; inflamed posterior capsule debrided",
      dischargeAnalgesia: "Paracetamol 1 g four times a day and ibuprofen 400 mg three times a day for 5 days",
    });
  }
  return { caseId: kase.id, courseId };
}
