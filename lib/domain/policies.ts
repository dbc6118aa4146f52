// Clinic settings the protocol leaves to each site, with their defaults. A site may override
// them (site.policies); every rule reads them from here, never from a literal.

export type ClinicPolicies = {
  /** SX-3: days an anaesthesia assessment stays valid. */
  assessmentValidityDays: number;
  /** PO-3: the dressing series is planned to this day (and goes on while the wound is not healed). */
  dressingPlannedUntilDay: number;
  /** PO-4: the first physiotherapy session falls within this many days of the operation. */
  physioFirstWithinDays: number;
};

export const defaultPolicies: ClinicPolicies = {
  assessmentValidityDays: 90,
  dressingPlannedUntilDay: 14,
  physioFirstWithinDays: 7,
};

export function policiesOf(overrides: unknown): ClinicPolicies {
  const result = { ...defaultPolicies };
  if (overrides && typeof overrides === "object") {
    for (const key of Object.keys(defaultPolicies) as (keyof ClinicPolicies)[]) {
      const value = (overrides as Record<string, unknown>)[key];
      if (typeof value === "number" && Number.isInteger(value) && value > 0) result[key] = value;
    }
  }
  return result;
}
