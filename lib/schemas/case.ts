import { z } from "zod";
import { standings } from "@/lib/domain/assessment";
import { milestoneActivities } from "@/lib/domain/care-plan";
import { caseStatuses } from "@/lib/domain/case-status";
import { listingPriorities } from "@/lib/domain/waiting-list";
import {
  admissions,
  anaesthesiaTypes,
  clearanceActivities,
  guidances,
  measures,
  mechanisms,
  onsets,
  modalities,
  outcomes,
  painSeverities,
  sides,
} from "@/lib/domain/vocabulary";
import { instant, isoDate, optionalText as optional, pageQuery, page, text as requiredText, uuid } from "./common";
import { alertAcknowledgement } from "./recovery";

export const standardProcedure = "Posterior ankle arthroscopy through two portals either side of the Achilles tendon";

// Findings, notes and reasons are free text: line breaks and tabs are kept.
const text = (max: number) => requiredText(max, { multiline: true });
const optionalText = (max: number) => optional(max, { multiline: true });

// DX-4: the mechanism and the symptoms.
export const symptoms = z
  .object({
    plantarFlexionPain: z.boolean().optional(),
    cracking: z.boolean().optional(),
    onset: z.enum(onsets).optional(),
    triggers: optionalText(500),
  })
  .strict();

export const caseInput = z
  .object({
    patientId: uuid,
    side: z.enum(sides),
    mechanism: z.enum(mechanisms, { error: "DX-4: the mechanism is traumatic, microtrauma or unknown" }),
    symptoms: symptoms.optional(),
    /** A referral recorded after the fact; today when left out. */
    referredOn: isoDate.optional(),
  })
  .strict()
  .meta({ id: "CaseInput" });
export type CaseInput = z.infer<typeof caseInput>;

export const caseListQuery = pageQuery.extend({ status: z.enum(caseStatuses).optional(), patientId: uuid.optional() });
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const imagingInput = z
  .object({
    modality: z.enum(modalities, { error: "DX-1: imaging is xray_nwb, mri, ct, ct_arthrogram or bone_scan" }),
    performedOn: isoDate,
    findings: text(4000),
    supportsDiagnosis: z.boolean(),
  })
  .strict()
  .meta({ id: "ImagingInput" });

export const injectionInput = z
  .object({ performedOn: isoDate, guidance: z.enum(guidances), painRelieved: z.boolean() })
  .strict()
  .meta({ id: "DiagnosticInjectionInput" });

export const courseInput = z
  .object({
    startedOn: isoDate,
    painSeverity: z.enum(painSeverities),
    measures: z.array(z.enum(measures)).min(1, "FL-1: choose at least one measure").max(6),
  })
  .strict()
  .meta({ id: "FirstLineCourseInput" });

export const reviewInput = z
  .object({
    reviewedOn: isoDate,
    outcome: z.enum(outcomes, { error: "FL-3: the outcome is resolved, partly_worked or failed" }),
  })
  .strict()
  .meta({ id: "CourseReviewInput" });

export const listingInput = z
  .object({
    listedOn: isoDate.optional(),
    notes: optionalText(2000),
    // WL-1: absent only from older clients (then P4); the page always asks.
    priority: z.enum(listingPriorities, { error: "The priority is P1, P2, P3 or P4" }).optional(),
  })
  .strict()
  .meta({ id: "SurgicalListingInput" });

/** WL-2: one referral-to-treatment clock, in the site's calendar days. */
export const rttClock = z
  .object({
    startedOn: z.string(),
    stoppedOn: z.string().nullable(),
    daysWaited: z.number().int(),
    weeksWaited: z.number().int(),
    breachOn: z.string(),
    breached: z.boolean(),
  })
  .meta({ id: "RttClock" });

export const listingPriorityInput = z
  .object({
    priority: z.enum(listingPriorities, { error: "The priority is P1, P2, P3 or P4" }),
    reason: text(2000),
  })
  .strict()
  .meta({ id: "ListingPriorityChangeInput" });

export const assessmentInput = z
  .object({
    assessedOn: isoDate,
    asaGrade: z.number().int().min(1, "ASA grade is 1 to 5").max(5, "ASA grade is 1 to 5"),
    anaesthesiaType: z.enum(anaesthesiaTypes, { error: "SX-2: the anaesthesia is locoregional, general or spinal" }),
    homeSupport: z.boolean(),
    notes: optionalText(2000),
  })
  .strict()
  .meta({ id: "AnaesthesiaAssessmentInput" });

export const operationInput = z
  .object({
    performedAt: instant,
    procedure: text(500).default(standardProcedure),
    anaesthesiaGiven: z.enum(anaesthesiaTypes),
    anaesthesiaChangeReason: optionalText(1000),
    findings: text(4000),
    dischargeAnalgesia: text(1000),
  })
  .strict()
  .meta({ id: "OperationInput" });

export const crutchWeaningInput = z.object({ recordedOn: isoDate }).strict().meta({ id: "CrutchWeaningInput" });

export const clearanceInput = z
  .object({ activity: z.enum(clearanceActivities), clearedOn: isoDate, sport: optionalText(100) })
  .strict()
  .refine((v) => (v.activity === "other") === Boolean(v.sport), {
    path: ["sport"],
    message: "Name the sport for 'other', and only then",
  })
  .meta({ id: "ClearanceInput" });

export const cancellationInput = z
  .object({ reason: text(500) })
  .strict()
  .meta({ id: "CaseCancellationInput" });
export const dischargeInput = z
  .object({ dischargedOn: isoDate, notes: optionalText(1000) })
  .strict()
  .meta({ id: "DischargeInput" });

export const courseParams = z.object({ id: uuid, courseId: uuid });

const transition = z.object({
  from: z.enum(caseStatuses).nullable(),
  to: z.enum(caseStatuses),
  at: z.string(),
  by: z.string(),
  reason: z.string().optional(),
});

export const caseSummary = z
  .object({
    id: uuid,
    patient: z.object({ id: uuid, name: z.string(), mrn: z.string(), birthDate: z.string() }),
    side: z.enum(sides),
    status: z.enum(caseStatuses),
    statusLabel: z.string(),
    referredOn: z.string(),
    statusChangedAt: z.string(),
  })
  .meta({ id: "CaseSummary" });
export type CaseSummary = z.infer<typeof caseSummary>;

const availability = z.object({ allowed: z.boolean(), rule: z.string().optional(), reason: z.string().optional() });

export const caseDetail = caseSummary
  .extend({
    timeZone: z.string(),
    today: z.string(),
    /** The patient's next of kin or carer (null: none recorded), beside SX-4's help-at-home question. */
    nextOfKin: z.object({ name: z.string(), relationship: z.string(), phone: z.string().nullable() }).nullable(),
    /** SX-4: the admission the latest anaesthesia assessment allows, for booking the arthroscopy; clinical roles only. */
    admission: z.enum(admissions).nullable().optional().meta({
      description:
        "SX-4: the admission the latest anaesthesia assessment allows (null: no assessment yet). Clinical detail: absent from reception's summary",
    }),
    operated: z.boolean(),
    /** WL-2: referral -> first-line treatment, and listing -> operation (null until listed). */
    clocks: z.object({ referral: rttClock, admitted: rttClock.nullable() }),
    history: z.array(transition),
    clinical: z
      .object({
        mechanism: z.enum(mechanisms),
        symptoms: z.unknown().nullable(),
        imaging: z.array(
          z.object({
            id: uuid,
            modality: z.enum(modalities),
            performedOn: z.string(),
            findings: z.string(),
            supportsDiagnosis: z.boolean(),
            recordedBy: z.string(),
          }),
        ),
        injections: z.array(
          z.object({
            id: uuid,
            performedOn: z.string(),
            guidance: z.enum(guidances),
            painRelieved: z.boolean(),
            recordedBy: z.string(),
          }),
        ),
        courses: z.array(
          z.object({
            id: uuid,
            startedOn: z.string(),
            painSeverity: z.enum(painSeverities),
            measures: z.array(z.enum(measures)),
            outcome: z.enum(outcomes).nullable(),
            reviewedOn: z.string().nullable(),
          }),
        ),
        listing: z
          .object({
            listedOn: z.string(),
            notes: z.string().nullable(),
            surgeon: z.string(),
            priority: z.enum(listingPriorities),
            priorityDueOn: z
              .string()
              .nullable()
              .meta({ description: "WL-1: the day the priority asks for; none for P4" }),
            priorityHistory: z.array(
              z.object({
                at: z.string(),
                from: z.enum(listingPriorities).nullable(),
                to: z.enum(listingPriorities),
                reason: z.string(),
                by: z.string(),
              }),
            ),
          })
          .nullable(),
        assessments: z.array(
          z.object({
            id: uuid,
            assessedOn: z.string(),
            validUntil: z.string(),
            asaGrade: z.number(),
            anaesthesiaType: z.enum(anaesthesiaTypes),
            homeSupport: z.boolean(),
            admission: z.enum(admissions),
            standing: z.enum(standings),
            notes: z.string().nullable(),
            anaesthetist: z.string(),
          }),
        ),
        operation: z
          .object({
            performedAt: z.string(),
            operationDay: z.string(),
            procedure: z.string(),
            anaesthesiaGiven: z.enum(anaesthesiaTypes),
            anaesthesiaChangeReason: z.string().nullable(),
            findings: z.string(),
            dischargeAnalgesia: z.string(),
            surgeon: z.string(),
          })
          .nullable(),
        acknowledgements: z.array(alertAcknowledgement).meta({
          description: "The recovery alerts acknowledged, oldest first: who, when, the note and which alerts",
        }),
        actions: z.record(z.string(), availability),
        /** What was recorded besides status changes (dressings, physiotherapy, clearances, acknowledged alerts), oldest first. */
        events: z.array(z.object({ at: z.string(), what: z.string(), by: z.string(), note: z.string().optional() })),
      })
      .nullable(),
  })
  .meta({ id: "CaseDetail" });
export type CaseDetail = z.infer<typeof caseDetail>;

/** SX-3: the assessment that applies today (the newest still valid, else the newest, expired). */
const currentAssessment = z
  .object({
    asaGrade: z.number(),
    admission: z.enum(admissions),
    validUntil: z.string().meta({ description: "Its last valid day (SX-3)" }),
    standing: z.enum(standings),
  })
  .nullable()
  .optional()
  .meta({
    description:
      "SX-3: the assessment that applies today, or the newest if all have expired (null: none). Clinical detail: absent for reception",
  });
export const caseListItem = caseSummary.extend({ assessment: currentAssessment }).meta({ id: "CaseListItem" });
export type CaseListItem = z.infer<typeof caseListItem>;
export const casePage = page(caseListItem).meta({ id: "CasePage" });

export const carePlanView = z
  .object({
    caseId: uuid,
    patient: z.object({ name: z.string(), mrn: z.string() }),
    side: z.enum(sides),
    operationDate: z.string(),
    timeZone: z.string(),
    dressings: z.array(
      z.object({
        dueOn: z.string(),
        day: z.number(),
        status: z.string(),
        appointmentId: z.string().nullable(),
        bookedAt: z.string().nullable(),
      }),
    ),
    crutchWeaningReview: z.object({ from: z.string(), to: z.string(), weanedOn: z.string().nullable() }),
    physio: z.array(
      z.object({
        number: z.number(),
        earliestOn: z.string(),
        dueBy: z.string(),
        status: z.string(),
        bookedAt: z.string().nullable(),
      }),
    ),
    milestones: z.array(
      z.object({
        activity: z.enum(milestoneActivities),
        earliestOn: z.string(),
        clearedOn: z.string().nullable(),
      }),
    ),
    otherClearances: z.array(z.object({ sport: z.string(), clearedOn: z.string() })),
    instructions: z.array(z.string()),
    /** The pain relief prescribed for home at the operation, as the surgeon wrote it. */
    homeAnalgesia: z.string().nullable(),
    clinic: z.object({ name: z.string(), phone: z.string().nullable() }),
    /** The signs that should make the patient call the clinic at once. */
    safetyNet: z.object({ callClinic: z.array(z.string()), emergency: z.string() }),
  })
  .meta({ id: "CarePlan" });
export type CarePlanView = z.infer<typeof carePlanView>;

export const commandResult = z.object({ id: uuid, status: z.enum(caseStatuses) }).meta({ id: "CaseCommandResult" });
