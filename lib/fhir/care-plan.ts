import type { CarePlan, CarePlanActivity } from "@medplum/fhirtypes";
import type { CaseStatus } from "@/lib/domain/case-status";
import type { CarePlanRecord } from "@/lib/services/care-plans";
import { listOrAbsent } from "./elements";
import { localSystem } from "./terminology";

type ActivityStatus = NonNullable<CarePlanActivity["detail"]>["status"];

/** The product's own codes for the plan's activities (no standard code confirmed). */
export const carePlanActivitySystem = localSystem("care-plan-activity");

/**
 * The R5 element CarePlan.activity.plannedActivityReference, carried in R4 by HL7's cross-version
 * extension: R4 allows an activity a `reference` or a `detail`, not both (invariant cpl-3), and the
 * detail holds what the plan says (its days and status), so the booked Appointment goes here.
 */
export const plannedActivityReference =
  "http://hl7.org/fhir/5.0/StructureDefinition/extension-CarePlan.activity.plannedActivityReference";

/**
 * The plan's status from its case's: active while the patient recovers (operated, recovery),
 * completed once discharged. A plan exists only once the operation is recorded, and a case is
 * neither cancelled nor closed after it; were one, its plan would be revoked, and unknown otherwise.
 */
const planStatus: Record<CaseStatus, CarePlan["status"]> = {
  operated: "active",
  recovery: "active",
  discharged: "completed",
  cancelled: "revoked",
  closed_resolved: "revoked",
  referred: "unknown",
  diagnosed: "unknown",
  first_line: "unknown",
  listed_for_surgery: "unknown",
  assessed: "unknown",
  scheduled: "unknown",
};

const code = (concept: string, display: string, text = display) => ({
  coding: [{ system: carePlanActivitySystem, code: concept, display }],
  text,
});

/** A planned visit or session: completed when recorded, scheduled when booked, else not started. */
function visitStatus(status: "planned" | "done" | "missed" | "cancelled", booked: boolean): ActivityStatus {
  if (status === "done") return "completed";
  if (status === "missed" || status === "cancelled") return "cancelled";
  return booked ? "scheduled" : "not-started";
}

const bookedAs = (booked: { id: string } | null) =>
  booked
    ? { extension: [{ url: plannedActivityReference, valueReference: { reference: `Appointment/${booked.id}` } }] }
    : {};

const sport = (activity: string) => activity[0]!.toUpperCase() + activity.slice(1);

/**
 * A case's post-operative plan (SX-6) as FHIR R4 CarePlan (id = case id): intent plan, status from
 * the case (`planStatus`), subject the Patient, addressing the case's Condition, from the operation
 * day, created when the operation generated it, authored by its surgeon, the leaflet's instructions
 * as notes (no cast or splint, PO-2). Activities, each a `detail` with a local code and a scheduled
 * period of site calendar days (an end day is included):
 * - dressing visits (PO-3), kind Appointment, on their due day: completed when recorded, cancelled
 *   when missed (replaced by a visit the next day) or when the healed wound ended the series,
 *   scheduled when booked (the Appointment in `plannedActivityReference`), else not-started;
 * - the crutch-weaning review (PO-1) from D10 to D15: completed once weaning is recorded;
 * - physiotherapy sessions (PO-4), kind Appointment, from their earliest day to their due-by day,
 *   with the statuses of dressing visits;
 * - cycling and swimming from D21, running from 2 months (PO-6, the domain's `earliestClearance`),
 *   open-ended: completed once cleared; other sports cleared on the clinician's day.
 * A recorded weaning or clearance is the activity's `progress`: its day and who recorded it.
 */
export function toFhirCarePlan(plan: CarePlanRecord): CarePlan {
  const recorded = (on: string, by: string | null, text: string) => ({
    progress: [{ time: on, text, ...(by ? { authorReference: { reference: `Practitioner/${by}` } } : {}) }],
  });
  const activity: CarePlanActivity[] = [
    ...plan.dressings.map((visit) => ({
      ...bookedAs(visit.status === "planned" || visit.status === "done" ? visit.booked : null),
      detail: {
        kind: "Appointment" as const,
        code: code("dressing-visit", "Dressing visit", `Dressing visit due ${visit.dueOn}`),
        status: visitStatus(visit.status, visit.booked !== null),
        ...(visit.status === "missed"
          ? { statusReason: { text: "Missed: not recorded on its due day; replaced by a visit the next day (PO-3)" } }
          : visit.status === "cancelled"
            ? { statusReason: { text: "The wound healed: the series ended (PO-3)" } }
            : {}),
        scheduledPeriod: { start: visit.dueOn, end: visit.dueOn },
        description: "A nurse tends the wound dressing every other day until the wound has healed (PO-3).",
      },
    })),
    {
      ...(plan.crutchReview.weanedOn
        ? recorded(plan.crutchReview.weanedOn, plan.crutchReview.weanedBy, "Off crutches (weaning recorded).")
        : {}),
      detail: {
        code: code("crutch-weaning-review", "Crutch-weaning review"),
        status: plan.crutchReview.weanedOn ? "completed" : "not-started",
        scheduledPeriod: { start: plan.crutchReview.from, end: plan.crutchReview.to },
        description: "Crutches for 10 to 15 days; weaning is reviewed between day 10 and day 15 (PO-1).",
      },
    },
    ...plan.physio.map((session) => ({
      ...bookedAs(session.status === "cancelled" ? null : session.booked),
      detail: {
        kind: "Appointment" as const,
        code: code(
          "physiotherapy-session",
          "Physiotherapy session",
          `Physiotherapy session ${session.number}, from ${session.earliestOn} to ${session.dueBy}`,
        ),
        status: visitStatus(session.status, session.booked !== null),
        scheduledPeriod: { start: session.earliestOn, end: session.dueBy },
        description:
          session.number === 1
            ? "The first physiotherapy session, within the clinic's days after the operation (PO-4)."
            : "Weekly physiotherapy until running is cleared (PO-4).",
      },
    })),
    ...plan.milestones.map((milestone) => ({
      ...(milestone.cleared ? recorded(milestone.cleared.on, milestone.cleared.by, "Cleared.") : {}),
      detail: {
        code: code(
          `clearance-${milestone.activity}`,
          `Return to ${milestone.activity}`,
          `Return to ${milestone.activity}, not before ${milestone.earliestOn}`,
        ),
        status: (milestone.cleared ? "completed" : "not-started") as ActivityStatus,
        scheduledPeriod: { start: milestone.earliestOn },
        description: `${sport(milestone.activity)} may resume from ${milestone.earliestOn}, once a surgeon or physiotherapist has cleared it (PO-6).`,
      },
    })),
    ...plan.otherClearances.map((clearance) => ({
      ...recorded(clearance.on, clearance.by, "Cleared."),
      detail: {
        code: code("clearance-other", "Return to another sport", `Return to ${clearance.sport}`),
        status: "completed" as const,
        scheduledString: `From ${clearance.on}, the day the clinician set (PO-6)`,
      },
    })),
  ];
  return {
    resourceType: "CarePlan",
    id: plan.caseId,
    status: planStatus[plan.caseStatus],
    intent: "plan",
    title: `Post-operative plan: ${plan.side} posterior ankle arthroscopy`,
    description:
      "The plan generated by the operation note (SX-6): dressings, crutch weaning, physiotherapy and return to sport.",
    subject: { reference: `Patient/${plan.patientId}`, display: plan.patientName },
    period: { start: plan.operationDay },
    created: plan.createdAt.toISOString(),
    ...(plan.surgeonId ? { author: { reference: `Practitioner/${plan.surgeonId}` } } : {}),
    addresses: [{ reference: `Condition/${plan.caseId}` }],
    activity,
    note: listOrAbsent(plan.instructions.map((text) => ({ text }))),
  };
}
