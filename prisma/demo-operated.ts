// The demo's operated patients of the last 14 months beyond the first ones in recovery: each
// walked through the pathway and its recovery with the real commands (dressings, physiotherapy,
// crutch weaning, clearances, discharge), with pain scores, returns to activity and a few
// complications (OC-1..OC-3), so that the dashboard's charts have data. Some miss what the
// protocol asks (a missed dressing, a late first physiotherapy session, late crutch weaning),
// so that compliance is not all 100% (OC-5).
import type { ClavienDindoGrade, ComplicationKind } from "@/lib/domain/vocabulary";
import { complicationOnDay, painScores, returnsOnDays, type Course } from "./demo-outcomes";
import { clearedOnDays, dischargedOnDay, recoverySoFar, weanedOnDay } from "./demo-recovery";
import type { DemoCase } from "./seed";

const sports = ["Ballet", "Football", "Contemporary dance", "Netball", "Tennis", "Gymnastics"];

type Variation = {
  course?: Course;
  missDay?: number;
  infectionDay?: number;
  firstPhysioDay?: number;
  weanedDay?: number;
  complication?: [day: number, kind: ComplicationKind, grade: ClavienDindoGrade, notes: string];
};

/**
 * Patient number `n`, operated `daysAgo` days ago; `n` varies the days and figures (always the
 * same for the same `n`). Cleared to cycle from D21-D24, to swim from D21-D26, to run from D62-D76
 * and, for two in three, to their own sport from D90-D105; back at them a few days to weeks after
 * (running late, from D150, for every eighth; not yet for every tenth), and not back to running
 * or sport when the operation did not work. Discharged on D120, D150 or D180 (D200 when the pain
 * did not improve).
 */
function operated(n: number, daysAgo: number, v: Variation = {}): DemoCase {
  const course = v.course ?? "improves";
  const worked = course === "improves";
  const cleared = {
    cycling: 21 + (n % 4),
    swimming: 21 + ((n + 2) % 6),
    running: 62 + 7 * (n % 3),
    ...(n % 3 === 2 ? {} : { sport: { name: sports[n % sports.length]!, day: 90 + 5 * (n % 4) } }),
  };
  const back = {
    cycling: cleared.cycling + 3 + (n % 6),
    swimming: cleared.swimming + 5 + (n % 9),
    ...(worked && n % 10 !== 7 ? { running: n % 8 === 5 ? 150 : cleared.running + 7 + ((n * 5) % 21) } : {}),
    ...(worked && cleared.sport ? { sport: cleared.sport.day + 10 + ((n * 7) % 30) } : {}),
  };
  return {
    stage: "operated",
    options: { operatedDaysAgo: daysAgo, side: n % 2 === 0 ? "left" : "right" },
    then: [
      recoverySoFar({
        hour: 14 + (n % 3),
        missDay: v.missDay,
        replaceMissed: true,
        fromTheRound: true,
        infectionDay: v.infectionDay,
        healedDay: v.infectionDay === undefined ? 10 + 2 * (n % 3) : 14,
        physio: true,
        firstPhysioDay: v.firstPhysioDay,
      }),
      weanedOnDay(v.weanedDay ?? 11 + (n % 5)),
      clearedOnDays(cleared),
      painScores(n, course),
      returnsOnDays(back, n % 4 !== 1),
      ...(v.complication ? [complicationOnDay(...v.complication)] : []),
      dischargedOnDay(worked ? 120 + 30 * (n % 3) : 200),
    ],
  };
}

export const operatedCases: DemoCase[] = [
  operated(1, 36),
  operated(2, 44),
  operated(3, 51, { firstPhysioDay: 10 }),
  operated(4, 59),
  operated(5, 67),
  operated(6, 78),
  operated(7, 88, { weanedDay: 18 }),
  operated(8, 101),
  operated(9, 113, { firstPhysioDay: 12 }),
  operated(10, 126, { course: "no_change" }),
  operated(11, 139),
  operated(12, 152, {
    complication: [14, "nerve_injury", "I", "Numbness over the lateral heel (sural nerve), no treatment needed."],
  }),
  operated(13, 166, { missDay: 8 }),
  operated(14, 180),
  operated(15, 195, {
    infectionDay: 8,
    complication: [8, "wound_infection", "II", "Redness and discharge at the lateral portal: oral antibiotics."],
  }),
  operated(16, 210, {
    complication: [17, "deep_vein_thrombosis", "II", "Calf vein thrombosis on ultrasound: anticoagulated."],
  }),
  operated(17, 224),
  operated(18, 239),
  operated(19, 254, { weanedDay: 17 }),
  operated(20, 268, { missDay: 6 }),
  operated(21, 283),
  operated(22, 298, {
    course: "no_change",
    complication: [
      250,
      "recurrence",
      "IIIb",
      "Posterior impingement again: arthroscopic re-excision under general anaesthesia.",
    ],
  }),
  operated(23, 314),
  operated(24, 330),
  operated(25, 347, { course: "no_change" }),
  operated(26, 364),
  operated(27, 381),
  operated(28, 400),
  operated(29, 418),
];
