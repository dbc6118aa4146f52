// After the operation: dressing records and what follows them (PO-3), missed visits at the
// site's midnight, and the alerts the surgeon must see (PO-1, PO-3, PO-4). Pure.
import { crutchWeaningToDay } from "./care-plan";
import { formatDay } from "./date-format";
import type { ClinicPolicies } from "./policies";
import { violation, type Violation } from "./rules";
import { addDays, daysBetween, type Day } from "./time";
import type { ClearanceActivity, DressingStatus, WoundState } from "./vocabulary";

/** A dressing is recorded once, on or after its appointment's day, for a visit still open. */
export function checkDressingRecord(
  input: { appointmentDay: Day; recorded: boolean; visitOpen: boolean },
  today: Day,
): Violation | null {
  if (input.recorded) return violation("PW-3", "This dressing visit is already recorded.");
  if (!input.visitOpen) return violation("PW-3", "This dressing visit is no longer planned.");
  if (input.appointmentDay > today)
    return violation("PW-1", `This visit is on ${formatDay(input.appointmentDay)}: it is recorded on the day.`);
  return null;
}

/**
 * PO-3: "healed" ends the series; otherwise it goes on every other day past the planned end
 * while the wound is not healed.
 */
export function afterDressing(
  state: WoundState,
  visitDueOn: Day,
  laterVisitPlanned: boolean,
): { endSeries: boolean; nextDueOn: Day | null } {
  if (state === "healed") return { endSeries: true, nextDueOn: null };
  return { endSeries: false, nextDueOn: laterVisitPlanned ? null : addDays(visitDueOn, 2) };
}

export type PlannedVisit = {
  id: string;
  dueOn: Day;
  status: DressingStatus;
  recorded: boolean;
  /** Its appointment was marked "did not attend". */
  notAttended?: boolean;
};

/**
 * PO-3: a planned visit not recorded by the end of its day (the site's midnight) is missed; so
 * is one whose patient did not attend its appointment, from that mark on.
 */
export function missedVisits(visits: PlannedVisit[], today: Day): PlannedVisit[] {
  return visits.filter((v) => v.status === "planned" && !v.recorded && (v.dueOn < today || v.notAttended === true));
}

/** PO-3: a missed visit is replaced the next day, or today if that day has passed too. */
export function replacementDay(missedDueOn: Day, today: Day): Day {
  const next = addDays(missedDueOn, 1);
  return next > today ? next : today;
}

/** The appointment of a visit or session that the patient did not attend, and whether another now holds it. */
export type NotAttended = { appointmentId: string; bookedAgain: boolean };

export type Clearance = { activity: ClearanceActivity; sport: string | null; clearedOn: Day };

/**
 * Where the patient stands on crutches and sport, one account for the board and its alerts.
 * PO-1, PO-6: a clearance for any sport is given to a patient who walks without crutches, so
 * the patient is off crutches from the recorded weaning, else from the first clearance (never
 * "still on crutches" once cleared for running). `cleared`: the activities (another sport by
 * its name) in the order they were cleared.
 */
export function recoveryMilestones(
  crutchesWeanedOn: Day | null,
  clearances: Clearance[],
): { offCrutches: Day | null; cleared: string[] } {
  const inOrder = [...clearances].sort((a, b) => a.clearedOn.localeCompare(b.clearedOn));
  return {
    offCrutches: crutchesWeanedOn ?? inOrder[0]?.clearedOn ?? null,
    cleared: inOrder.map((c) => (c.activity === "other" ? (c.sport ?? "other") : c.activity)),
  };
}

type RecoveryFacts = {
  operationDay: Day;
  crutchesWeanedOn: Day | null;
  clearances: Clearance[];
  /** Dressing records with signs of infection; `complicationRecorded`: the surgeon has recorded the complication it raised (OC-3). */
  infections: { recordId: string; day: Day; complicationRecorded?: boolean }[];
  missed: { visitId: string; dueOn: Day; notAttended?: NotAttended }[];
  /** Physiotherapy sessions still planned whose appointment the patient did not attend. */
  physioNotAttended?: ({ sessionId: string; number: number; day: Day } & NotAttended)[];
  physioStarted: boolean;
};

/** The order of a case's alerts on the board: what needs the surgeon first. */
export const alertKinds = ["infection", "missed_dressing", "crutches", "physio"] as const;

export type Alert = {
  key: string;
  kind: (typeof alertKinds)[number];
  rule: "PO-1" | "PO-3" | "PO-4";
  message: string;
  /** The day the alert is about (an infected or missed dressing, a session not attended); null otherwise. */
  on: Day | null;
  /** The appointment not attended, when the same visit or session can be booked again. */
  rebook?: { appointmentId: string };
  /** OC-3: the infected dressing record whose complication the surgeon has not recorded yet. */
  complication?: { dressingRecordId: string };
};

const byDay =
  <T>(day: (item: T) => Day) =>
  (a: T, b: T) =>
    day(a).localeCompare(day(b));

/**
 * What the surgeon must see, derived from the record and today's date: no timer can miss it.
 * In the board's order: signs of infection, then missed dressings (each oldest first), still on
 * crutches after D15 (PO-1), physiotherapy not started by the policy day (PO-4).
 */
export function recoveryAlerts(facts: RecoveryFacts, today: Day, policies: ClinicPolicies): Alert[] {
  const alerts: Alert[] = [];
  const day = daysBetween(facts.operationDay, today);
  for (const infection of [...facts.infections].sort(byDay((i) => i.day))) {
    alerts.push({
      key: `infection:${infection.recordId}`,
      kind: "infection",
      rule: "PO-3",
      message: `Signs of infection at the dressing of ${formatDay(infection.day)}.`,
      on: infection.day,
      ...(infection.complicationRecorded ? {} : { complication: { dressingRecordId: infection.recordId } }),
    });
  }
  for (const missed of [...facts.missed].sort(byDay((m) => m.dueOn))) {
    const absent = missed.notAttended;
    alerts.push({
      key: `missed:${missed.visitId}`,
      kind: "missed_dressing",
      rule: "PO-3",
      message: absent
        ? `The patient did not attend the dressing due ${formatDay(missed.dueOn)}.`
        : `The dressing due ${formatDay(missed.dueOn)} was not recorded.`,
      on: missed.dueOn,
      // PO-3: the same visit is booked again only up to its due day; after it, it is replaced.
      ...(absent && !absent.bookedAgain && missed.dueOn >= today
        ? { rebook: { appointmentId: absent.appointmentId } }
        : {}),
    });
  }
  for (const session of facts.physioNotAttended ?? []) {
    alerts.push({
      key: `missed-physio:${session.sessionId}`,
      kind: "physio",
      rule: "PO-4",
      message: `The patient did not attend physiotherapy session ${session.number} on ${formatDay(session.day)}.`,
      on: session.day,
      ...(session.bookedAgain ? {} : { rebook: { appointmentId: session.appointmentId } }),
    });
  }
  const { offCrutches } = recoveryMilestones(facts.crutchesWeanedOn, facts.clearances);
  if (!offCrutches && day > crutchWeaningToDay) {
    alerts.push({
      key: "crutches",
      kind: "crutches",
      rule: "PO-1",
      message: `Still on crutches on day ${day} (planned 10 to 15 days).`,
      on: null,
    });
  }
  if (!facts.physioStarted && day > policies.physioFirstWithinDays) {
    alerts.push({
      key: "physio",
      kind: "physio",
      rule: "PO-4",
      message: `Physiotherapy has not started by day ${policies.physioFirstWithinDays}.`,
      on: null,
    });
  }
  return alerts;
}
