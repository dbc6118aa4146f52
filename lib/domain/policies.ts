// Clinic settings the protocol leaves to each site, with their defaults. A site may override
// them (site.policies); every rule reads them from here, never from a literal.

import type { AppointmentKind } from "./vocabulary";

export type ClinicPolicies = {
  /** SC-5: default length of each kind of appointment, in minutes. */
  durations: Record<AppointmentKind, number>;
  /** SX-3: days an anaesthesia assessment stays valid. */
  assessmentValidityDays: number;
  /** PO-3: the dressing series is planned to this day (and goes on while the wound is not healed). */
  dressingPlannedUntilDay: number;
  /** PO-4: the first physiotherapy session falls within this many days of the operation. */
  physioFirstWithinDays: number;
  /** The number the printed plan tells patients to call; null until the administrator sets it. */
  clinicPhone: string | null;
};

export const defaultPolicies: ClinicPolicies = {
  durations: {
    consultation: 20,
    follow_up: 15,
    imaging: 30,
    injection: 30,
    anaesthesia_assessment: 30,
    arthroscopy: 90,
    dressing: 20,
    physio: 45,
  },
  assessmentValidityDays: 90,
  dressingPlannedUntilDay: 14,
  physioFirstWithinDays: 7,
  clinicPhone: null,
};

const positiveWhole = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value > 0;

/** A site's policies: its own overrides where they are sound, the defaults elsewhere. */
export function policiesOf(overrides: unknown): ClinicPolicies {
  const given = (overrides && typeof overrides === "object" ? overrides : {}) as Record<string, unknown>;
  const durations = { ...defaultPolicies.durations };
  const givenDurations = (given.durations && typeof given.durations === "object" ? given.durations : {}) as Record<
    string,
    unknown
  >;
  for (const kind of Object.keys(durations) as AppointmentKind[]) {
    if (positiveWhole(givenDurations[kind])) durations[kind] = givenDurations[kind];
  }
  const pick = (key: "assessmentValidityDays" | "dressingPlannedUntilDay" | "physioFirstWithinDays") =>
    positiveWhole(given[key]) ? given[key] : defaultPolicies[key];
  return {
    durations,
    assessmentValidityDays: pick("assessmentValidityDays"),
    dressingPlannedUntilDay: pick("dressingPlannedUntilDay"),
    physioFirstWithinDays: pick("physioFirstWithinDays"),
    clinicPhone: typeof given.clinicPhone === "string" && given.clinicPhone.trim() ? given.clinicPhone.trim() : null,
  };
}
