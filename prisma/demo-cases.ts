// Walks a case through the pathway with the real commands, so demo and test cases obey every
// rule and carry their transitions and audit rows. Dates count back from the clock's day, and
// every command is given that clock, so a case walked at any instant is valid at that instant.
import type { Actor } from "@/lib/auth/actor";
import { addDays, dayOf, instantAt } from "@/lib/domain/time";
import type { ListingPriority } from "@/lib/domain/waiting-list";
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

export const stages = [
  "referred",
  "diagnosed",
  "first_line",
  "failed_course",
  "listed",
  "assessed",
  "operated",
] as const;
export type Stage = (typeof stages)[number];

export const demoZone = "Europe/London";

export type WalkOptions = {
  /** The clock: every command is recorded at this instant, and days count back from its day (site zone). */
  now: Date;
  /** Day 0 counts back this many calendar days from today; earlier steps fall before it. */
  operatedDaysAgo?: number;
  homeSupport?: boolean;
  /** WL-1: the clinical priority given at listing (P4 when absent). */
  priority?: ListingPriority;
  side?: "left" | "right";
  mechanism?: "traumatic" | "microtrauma" | "unknown";
};

/**
 * A case walked from referral up to `stage` for the patient. The operation is at 10:00 site time
 * on its day, or, on the clock's own day, at the clock's instant when that is earlier (an
 * operation is never recorded in the future, SX-6).
 */
export async function walkCase(team: Team, patientId: string, stage: Stage, options: WalkOptions) {
  const { now } = options;
  const today = dayOf(now, demoZone);
  const op = options.operatedDaysAgo ?? 2;
  const on = (daysBeforeOperation: number) => addDays(today, -(op + daysBeforeOperation));
  const reached = (s: Stage) => stages.indexOf(stage) >= stages.indexOf(s);
  const kase = await createCase(
    team.reception,
    {
      patientId,
      side: options.side ?? "left",
      mechanism: options.mechanism ?? "microtrauma",
      symptoms: { plantarFlexionPain: true, onset: "delayed", triggers: "Dancing on tiptoe" },
      referredOn: [on(160), today].sort()[0],
    },
    now,
  );
  let courseId = "";
  if (reached("diagnosed")) {
    await recordImaging(
      team.surgeon,
      kase.id,
      {
        modality: "mri",
        performedOn: on(150),
        findings: "Os trigonum with surrounding oedema",
        supportsDiagnosis: true,
      },
      now,
    );
  }
  if (reached("first_line")) {
    const course = {
      startedOn: on(140),
      painSeverity: "moderate" as const,
      measures: ["analgesics" as const, "strapping" as const, "physiotherapy" as const],
    };
    courseId = (await startFirstLineCourse(team.surgeon, kase.id, course, now)).id;
  }
  if (reached("failed_course"))
    await reviewFirstLineCourse(team.surgeon, kase.id, courseId, { reviewedOn: on(100), outcome: "failed" }, now);
  if (reached("listed"))
    await listForSurgery(
      team.surgeon,
      kase.id,
      { listedOn: on(95), notes: "Arthroscopic excision of the os trigonum", priority: options.priority },
      now,
    );
  if (reached("assessed")) {
    await recordAnaesthesiaAssessment(
      team.anaesthetist,
      kase.id,
      {
        assessedOn: on(30),
        asaGrade: 1,
        anaesthesiaType: "locoregional",
        homeSupport: options.homeSupport ?? true,
        notes: null,
      },
      now,
    );
  }
  if (reached("operated")) {
    await recordOperation(
      team.surgeon,
      kase.id,
      {
        performedAt: new Date(Math.min(instantAt(on(0), 10, 0, demoZone).getTime(), now.getTime())).toISOString(),
        procedure: "Posterior ankle arthroscopy through two portals either side of the Achilles tendon",
        anaesthesiaGiven: "locoregional",
        anaesthesiaChangeReason: null,
        findings: "Os trigonum excised; inflamed posterior capsule debrided",
        dischargeAnalgesia: "Paracetamol 1 g four times a day and ibuprofen 400 mg three times a day for 5 days",
      },
      now,
    );
  }
  return { caseId: kase.id, courseId };
}
