// The post-operative plan (SX-6), generated from the operation's calendar day D0 in the site's
// zone. Leaflet: crutches 10-15 days, no cast or splint, a nurse dresses the wound every other
// day, physiotherapy is arranged, cycling and swimming after 3 weeks, running after 2 months.
import { formatDay } from "./date-format";
import type { ClinicPolicies } from "./policies";
import { addDays, addMonthsClamped, type Day } from "./time";
import type { ClearanceActivity } from "./vocabulary";

/** PO-6: the activities with an earliest day of their own (any other sport has none). */
export const milestoneActivities = ["cycling", "swimming", "running"] as const satisfies readonly ClearanceActivity[];
export type Activity = (typeof milestoneActivities)[number];

export type CarePlan = {
  operationDay: Day;
  dressings: Day[];
  crutchWeaningReview: { from: Day; to: Day };
  physio: { number: number; earliestOn: Day; dueBy: Day }[];
  milestones: { activity: Activity; earliestOn: Day }[];
  instructions: string[];
};

export const crutchWeaningFromDay = 10; // PO-1
export const crutchWeaningToDay = 15; // PO-1
export const cyclingSwimmingFromDay = 21; // PO-6
export const runningAfterMonths = 2; // PO-6

/**
 * When the patient should call the clinic (or NHS 111 out of hours) at once: the signs of the
 * complications an arthroscopy can have (wound infection, deep vein thrombosis). The leaflet gives
 * no such list; this is the clinic's own safety-net wording, printed on every plan.
 */
export const safetyNetAdvice = [
  "a temperature of 38 °C or more, or you feel hot and shivery",
  "redness or swelling spreading around a wound, or a wound that becomes more painful",
  "fluid, pus or blood leaking from a wound, or a dressing that comes off",
  "pain, swelling, warmth or redness in your calf",
] as const;
/** A clot may have reached the lungs: an emergency, not a call to the clinic. */
export const emergencyAdvice = "If you suddenly become short of breath or have chest pain, call 999.";

export function earliestClearance(operationDay: Day, activity: Activity): Day {
  return activity === "running"
    ? addMonthsClamped(operationDay, runningAfterMonths)
    : addDays(operationDay, cyclingSwimmingFromDay);
}

export function generateCarePlan(operationDay: Day, policies: ClinicPolicies): CarePlan {
  // PO-3: D2, D4, ... up to the planned day.
  const dressings: Day[] = [];
  for (let day = 2; day <= policies.dressingPlannedUntilDay; day += 2) dressings.push(addDays(operationDay, day));

  const running = earliestClearance(operationDay, "running");
  // PO-4: the first session between D1 and the policy day, then one a week until running is cleared.
  const physio: CarePlan["physio"] = [];
  let dueBy = addDays(operationDay, policies.physioFirstWithinDays);
  let earliestOn = addDays(operationDay, 1);
  for (let number = 1; dueBy <= running; number++) {
    physio.push({ number, earliestOn, dueBy });
    earliestOn = addDays(dueBy, 1);
    dueBy = addDays(dueBy, 7);
  }

  const cyclingSwimming = earliestClearance(operationDay, "cycling");
  const crutchFrom = addDays(operationDay, crutchWeaningFromDay);
  const crutchTo = addDays(operationDay, crutchWeaningToDay);
  return {
    operationDay,
    dressings,
    crutchWeaningReview: { from: crutchFrom, to: crutchTo },
    physio,
    milestones: [
      { activity: "cycling", earliestOn: cyclingSwimming },
      { activity: "swimming", earliestOn: cyclingSwimming },
      { activity: "running", earliestOn: running },
    ],
    instructions: [
      "No cast or splint is needed after this operation.",
      `Use your crutches for 10 to 15 days: your crutches will be reviewed between ${formatDay(crutchFrom)} and ${formatDay(crutchTo)}.`,
      `A nurse will dress your wound every other day, starting ${formatDay(dressings[0] ?? addDays(operationDay, 2))}, until it has healed.`,
      `Physiotherapy starts within ${policies.physioFirstWithinDays} days of your operation, then once a week.`,
      "Day-to-day activities come back gradually, over a few days to a few weeks.",
      `You may start cycling and swimming again from ${formatDay(cyclingSwimming)}, and running from ${formatDay(running)}, once your surgeon or physiotherapist has cleared you.`,
      "Take the pain relief prescribed for home as directed.",
    ],
  };
}
