// The protocol's closed sets, each written once. The TypeScript types and the zod enums are
// derived from these tuples, and tests/db/vocabulary-drift.test.ts fails when an enum of
// prisma/schema.prisma holds other values. The case statuses live beside their moves in
// case-status.ts. Order is the order staff see in choices.

export const roles = ["reception", "nurse", "surgeon", "anaesthetist", "physio", "admin"] as const;
export type Role = (typeof roles)[number];

export const roomKinds = ["theatre", "consulting", "imaging", "physio", "dressing"] as const;
export type RoomKind = (typeof roomKinds)[number];

export const sexes = ["female", "male", "other", "unknown"] as const;
export type Sex = (typeof sexes)[number];

/** The ankle a case is about. */
export const sides = ["left", "right"] as const;
export type Side = (typeof sides)[number];

/** DX-4: how the impingement began. */
export const mechanisms = ["traumatic", "microtrauma", "unknown"] as const;
export type Mechanism = (typeof mechanisms)[number];

/** How the pain began, as the referral records it (a symptom, not a rule's input). */
export const onsets = ["instant", "delayed"] as const;
export type Onset = (typeof onsets)[number];

/** The post-operative series: the appointment kinds booked from the plan (PO-3, PO-4). */
export const seriesKinds = ["dressing", "physio"] as const;
export type SeriesKind = (typeof seriesKinds)[number];

/** DX-1: the imaging that can support the diagnosis. */
export const modalities = ["xray_nwb", "mri", "ct", "ct_arthrogram", "bone_scan"] as const;
export type Modality = (typeof modalities)[number];

/** How a steroid injection is guided. */
export const guidances = ["xray", "ultrasound"] as const;
export type Guidance = (typeof guidances)[number];

export const painSeverities = ["mild", "moderate", "severe"] as const;
export type PainSeverity = (typeof painSeverities)[number];

/** FL-1: the measures of a first-line course. */
export const measures = [
  "analgesics",
  "cryotherapy",
  "strapping",
  "immobilisation",
  "physiotherapy",
  "guided_injection",
] as const;
export type Measure = (typeof measures)[number];

/** FL-3: how a first-line course ended. */
export const outcomes = ["resolved", "partly_worked", "failed"] as const;
export type Outcome = (typeof outcomes)[number];

/** SX-2: the anaesthesia planned at assessment and given at operation. */
export const anaesthesiaTypes = ["locoregional", "general", "spinal"] as const;
export type AnaesthesiaType = (typeof anaesthesiaTypes)[number];

/** SX-4: day case needs help at home; otherwise the patient stays in. */
export const admissions = ["day_case", "inpatient"] as const;
export type Admission = (typeof admissions)[number];

/** PO-6: the activities a surgeon clears for return to sport ("other" names its sport). */
export const clearanceActivities = ["cycling", "swimming", "running", "other"] as const;
export type ClearanceActivity = (typeof clearanceActivities)[number];

/** OC-1: when ankle pain is scored: before the operation, then 6 weeks, 3, 6 and 12 months after it. */
export const painTimepoints = ["referral", "listing", "pre_op", "week_6", "month_3", "month_6", "month_12"] as const;
export type PainTimepoint = (typeof painTimepoints)[number];

/** OC-1: who gave a pain score. */
export const scoreSources = ["clinician", "patient"] as const;
export type ScoreSource = (typeof scoreSources)[number];

/** OC-2: the activities whose return is measured ("sport" is the patient's own, named). */
export const returnActivities = ["cycling", "swimming", "running", "sport"] as const;
export type ReturnActivity = (typeof returnActivities)[number];

/** OC-3: the kinds of complication recorded ("other" is described in its notes). */
export const complicationKinds = [
  "wound_infection",
  "nerve_injury",
  "tendon_injury",
  "deep_vein_thrombosis",
  "crps",
  "recurrence",
  "reoperation",
  "other",
] as const;
export type ComplicationKind = (typeof complicationKinds)[number];

/** OC-3: the Clavien-Dindo grades of a surgical complication, mildest first. */
export const clavienDindoGrades = ["I", "II", "IIIa", "IIIb", "IVa", "IVb", "V"] as const;
export type ClavienDindoGrade = (typeof clavienDindoGrades)[number];

/** PO-3: the states of a wound at a dressing visit ("healed" ends the series). */
export const woundStates = ["clean_dry", "exudate", "signs_of_infection", "healed"] as const;
export type WoundState = (typeof woundStates)[number];

/** PO-3: a planned dressing visit; "missed" once its day has passed unrecorded. */
export const dressingStatuses = ["planned", "done", "missed", "cancelled"] as const;
export type DressingStatus = (typeof dressingStatuses)[number];

/** PO-4: a planned physiotherapy session. */
export const physioStatuses = ["planned", "done", "cancelled"] as const;
export type PhysioStatus = (typeof physioStatuses)[number];

export const appointmentKinds = [
  "consultation",
  "follow_up",
  "imaging",
  "injection",
  "anaesthesia_assessment",
  "arthroscopy",
  "dressing",
  "physio",
] as const;
export type AppointmentKind = (typeof appointmentKinds)[number];

export const appointmentStatuses = ["booked", "cancelled"] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** Whether the patient came: "arrived" and "did_not_attend" as reception marks them, "attended" by the visit's record. */
export const attendances = ["arrived", "attended", "did_not_attend"] as const;
export type Attendance = (typeof attendances)[number];

/** SC-1: what an appointment holds for its duration, each booked at most once at a time. */
export const resourceKinds = ["clinician", "anaesthetist", "room", "patient"] as const;
export type ResourceKind = (typeof resourceKinds)[number];

/** The channels the clinic writes to a patient on, each only with the patient's consent. */
export const messageChannels = ["email", "sms"] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** What a message tells the patient; each kind has one template. */
export const messageKinds = [
  "booking_confirmation",
  "appointment_moved",
  "appointment_cancelled",
  "reminder",
  "post_op_plan",
  "portal_link",
  "move_request_declined",
] as const;
export type MessageKind = (typeof messageKinds)[number];

/** A message's state: waiting (or retrying), sent, failed after every retry, or no longer true. */
export const messageStatuses = ["queued", "sent", "failed", "cancelled"] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/** A patient's request to move an appointment: waiting for reception, moved, or not moved. */
export const moveRequestStatuses = ["open", "done", "declined"] as const;
export type MoveRequestStatus = (typeof moveRequestStatuses)[number];
