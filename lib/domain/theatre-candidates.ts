// Who on the waiting list could take a freed theatre time as booked (WL-4): a case waiting to be
// booked, with an anaesthesia assessment valid on that day (SX-2, SX-3), admitted as that
// assessment allows (SX-4), its surgeon and the patient free then (SC-1) and the surgeon at work
// (SC-2), with an anaesthetist free to join them; in waiting-list order (WL-3). Pure: the
// availability facts are found by the caller and passed in.
import { admissionFor, validAssessmentFor } from "./assessment";
import type { CaseStatus } from "./case-status";
import type { ClinicPolicies } from "./policies";
import type { RuleId } from "./rules";
import type { Day } from "./time";
import type { Admission } from "./vocabulary";
import { compareWaitingList, type WaitingListKey } from "./waiting-list";

/** Whether someone can be booked at the freed time: free, already booked then (SC-1), or not at work then (SC-2). */
export type Availability = "free" | "busy" | "off";

/** A case on the waiting list, with what decides whether it can take the freed time. */
export type WaitingEntry = {
  key: WaitingListKey;
  status: CaseStatus;
  assessments: { assessedOn: Day; homeSupport: boolean }[];
  /** The listing surgeon, who operates, at the freed time. */
  surgeon: Availability;
  /** The patient at the freed time: "busy" when another appointment overlaps it. */
  patient: Exclude<Availability, "off">;
};

/** Why a waiting case cannot take the freed time, with the rule that stops it. */
export const passedOverReasons = {
  already_booked: "PW-3",
  not_assessed: "SX-2",
  assessment_not_valid: "SX-3",
  surgeon_busy: "SC-1",
  surgeon_off: "SC-2",
  patient_busy: "SC-1",
  no_anaesthetist: "SC-1",
} as const satisfies Record<string, RuleId>;
export type PassedOverReason = keyof typeof passedOverReasons;

export type TheatreCandidates<E extends WaitingEntry> = {
  /** The cases that can take the time, in WL-3 order, each with its admission (SX-4). */
  candidates: (E & { admission: Admission })[];
  /** The others, in WL-3 order, each with the first reason that stops it. */
  passedOver: (E & { reason: PassedOverReason })[];
};

/** The first reason `entry` cannot be booked on `day`, or its admission (SX-4) when it can. */
function decide(
  entry: WaitingEntry,
  day: Day,
  anaesthetistFree: boolean,
  policies: ClinicPolicies,
): { admission: Admission } | { reason: PassedOverReason } {
  // A scheduled case already has its arthroscopy booked (one per case); a case still to be
  // assessed cannot be booked (SX-2).
  if (entry.status === "scheduled") return { reason: "already_booked" };
  if (entry.status !== "assessed") return { reason: "not_assessed" };
  const valid = validAssessmentFor(entry, day, policies);
  if (!valid.ok) return { reason: valid.violation.rule === "SX-2" ? "not_assessed" : "assessment_not_valid" };
  if (entry.surgeon === "off") return { reason: "surgeon_off" };
  if (entry.surgeon === "busy") return { reason: "surgeon_busy" };
  if (entry.patient === "busy") return { reason: "patient_busy" };
  if (!anaesthetistFree) return { reason: "no_anaesthetist" };
  return { admission: admissionFor(valid.assessment) };
}

/**
 * WL-4: splits the waiting `entries` into the candidates for a theatre time on `day` (site
 * calendar day) and the ones passed over, both in WL-3 order whatever the input's order.
 * `anaesthetistFree`: whether an anaesthetist of the site is free and at work for the whole time.
 */
export function theatreCandidates<E extends WaitingEntry>(
  entries: readonly E[],
  day: Day,
  anaesthetistFree: boolean,
  policies: ClinicPolicies,
): TheatreCandidates<E> {
  const ordered = [...entries].sort((a, b) => compareWaitingList(a.key, b.key));
  const result: TheatreCandidates<E> = { candidates: [], passedOver: [] };
  for (const entry of ordered) {
    const decision = decide(entry, day, anaesthetistFree, policies);
    if ("admission" in decision) result.candidates.push({ ...entry, admission: decision.admission });
    else result.passedOver.push({ ...entry, reason: decision.reason });
  }
  return result;
}
