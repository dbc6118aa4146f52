// Every endpoint of the public API, once: its method, path, the policy action it needs and
// its schemas. Route handlers, the OpenAPI document and the role-matrix test all read this.
import { z } from "zod";
import type { Action } from "@/lib/auth/policy";
import { listingPriorities } from "@/lib/domain/waiting-list";
import { idParams } from "@/lib/schemas/common";
import {
  appointmentInput,
  appointmentList,
  appointmentQuery,
  appointmentView,
  attendanceInput,
  cancelInput,
  moveInput,
  seriesInput,
  seriesResult,
  slotList,
  slotQuery,
  moveSlotQuery,
} from "@/lib/schemas/appointment";
import {
  assessmentInput,
  cancellationInput,
  carePlanView,
  caseDetail,
  caseInput,
  caseListQuery,
  casePage,
  caseSummary,
  clearanceInput,
  commandResult,
  courseInput,
  courseParams,
  crutchWeaningInput,
  dischargeInput,
  imagingInput,
  injectionInput,
  listingInput,
  listingPriorityInput,
  operationInput,
  reviewInput,
} from "@/lib/schemas/case";
import { auditFilter, auditPage, auditQuery } from "@/lib/schemas/audit";
import {
  duplicateCandidates,
  duplicateCheckQuery,
  patient,
  patientInput,
  patientPage,
  patientPatch,
  patientSearchQuery,
} from "@/lib/schemas/patient";
import {
  acknowledgeInput,
  dressingRecordInput,
  dressingRoundView,
  physioRecordInput,
  dressingRecordResult,
  alertAcknowledgement,
  dressingReplacement,
  physioRecordResult,
  recoveryBoardView,
  replacementInput,
  roundQuery,
} from "@/lib/schemas/recovery";
import { caseOutcomes } from "@/lib/schemas/outcomes";
import { planMessageResult } from "@/lib/schemas/plan-message";
import { painScoreInput, painScoreView } from "@/lib/schemas/pain-scores";
import { policiesInput } from "@/lib/schemas/policies";
import { portalLinkIssued, portalLinkPage, portalLinkQuery, portalLinkView } from "@/lib/schemas/portal";
import { waitingListSummary, waitingListSummaryQuery } from "@/lib/schemas/waiting-list-summary";
import { outcomesCsvQuery, outcomesReport } from "@/lib/schemas/analytics-outcomes";
import { periodQuery } from "@/lib/schemas/analytics";
import { theatreListOrderInput, theatreListQuery, theatreLists, theatreSessionList } from "@/lib/schemas/theatre-list";
import { candidateList, candidateQuery } from "@/lib/schemas/theatre-candidates";
import {
  newStaffAccount,
  passwordLink,
  room,
  roomList,
  roomQuery,
  setPasswordInput,
  setPasswordResult,
  staffAccount,
  staffInput,
  staffList,
  staffPatch,
  staffQuery,
} from "@/lib/schemas/staff";
import {
  hoursException,
  hoursView,
  leaveClashes,
  leaveDays,
  leaveQuery,
  roomInput,
  weeklyHours,
} from "@/lib/schemas/hours";
import { waitingListFilter, waitingListPage, waitingListQuery } from "@/lib/schemas/waiting-list";
import { complianceReport } from "@/lib/schemas/analytics-compliance";
import {
  handleMoveRequestInput,
  moveRequestPage,
  moveRequestQuery,
  moveRequestView,
} from "@/lib/schemas/move-requests";
import { messagePage, messageQuery, messageView } from "@/lib/schemas/outbox";
import { outcomeRecordEndpoints } from "./outcome-record-endpoints";

export type Method = "get" | "post" | "patch" | "put" | "delete";

export type Endpoint = {
  method: Method;
  path: string;
  /** null: open to anyone, signed in or not. */
  action: Action | null;
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
  /** What of a success is kept to replay for an Idempotency-Key, when not all of it may be stored. */
  forReplay?: (body: unknown) => unknown;
};

// A set-password link's token is shown once and stored only hashed (AC-2): a replay answers without it.
const withoutLinkUrl = (body: unknown) => {
  const answer = body as { passwordLink?: object; url?: string };
  return answer.passwordLink
    ? { ...answer, passwordLink: { ...answer.passwordLink, url: null } }
    : { ...answer, url: null };
};

const define = <const E extends Endpoint>(endpoint: E) => endpoint;

export const endpoints = {
  health: define({
    method: "get",
    path: "/api/health",
    action: null,
    summary: "Whether the app and its database answer",
    response: z.object({ status: z.literal("ok"), db: z.literal("ok") }),
  }),
  // Answers text/plain, not JSON; a request with `Authorization: Bearer <METRICS_TOKEN>` needs no
  // session (app/api/metrics/route.ts).
  metrics: define({
    method: "get",
    path: "/api/metrics",
    action: "workspace.admin",
    summary:
      "This app process's Prometheus metrics in the text exposition format: API latency and counts by route and status, database pool, process. For the administrator, or a scraper with the configured METRICS_TOKEN",
  }),
  listStaff: define({
    method: "get",
    path: "/api/v1/staff",
    action: "staff.list",
    summary: "Active staff, optionally of one role",
    query: staffQuery,
    response: staffList,
  }),
  listRooms: define({
    method: "get",
    path: "/api/v1/rooms",
    action: "room.list",
    summary: "Active rooms, optionally of one kind",
    query: roomQuery,
    response: roomList,
  }),
  createStaff: define({
    method: "post",
    path: "/api/v1/staff",
    action: "staff.manage",
    summary: "Add a staff account (with the usual working hours) and a set-password link for its owner (AC-2)",
    body: staffInput,
    response: newStaffAccount,
    status: 201,
    forReplay: withoutLinkUrl,
  }),
  issuePasswordLink: define({
    method: "post",
    path: "/api/v1/staff/{id}/password-links",
    action: "staff.manage",
    summary: "A new set-password link for the account's owner (a forgotten password); older links stop working (AC-2)",
    params: idParams,
    response: passwordLink,
    status: 201,
    forReplay: withoutLinkUrl,
  }),
  setPassword: define({
    method: "post",
    path: "/api/v1/set-password",
    action: null,
    summary:
      "The account's owner sets the password with a set-password link's token (AC-2); ends the account's sessions",
    body: setPasswordInput,
    response: setPasswordResult,
  }),
  updateStaff: define({
    method: "patch",
    path: "/api/v1/staff/{id}",
    action: "staff.manage",
    summary: "Rename, change the role of, deactivate or reactivate a staff account (AC-1)",
    params: idParams,
    body: staffPatch,
    response: staffAccount,
  }),
  getStaffHours: define({
    method: "get",
    path: "/api/v1/staff/{id}/hours",
    action: "staff.manage",
    summary: "A staff member's weekly working hours (site time) and dated exceptions",
    params: idParams,
    response: hoursView,
  }),
  setStaffHours: define({
    method: "put",
    path: "/api/v1/staff/{id}/hours",
    action: "staff.manage",
    summary: "Replace a staff member's weekly working hours",
    params: idParams,
    body: weeklyHours,
    response: hoursView,
  }),
  addHoursException: define({
    method: "post",
    path: "/api/v1/staff/{id}/hour-exceptions",
    action: "staff.manage",
    summary:
      "Leave (no times) or other hours on each day of a range; bookings outside them are refused (422 SC-2 with `clashes`) unless confirmed",
    params: idParams,
    body: hoursException,
    response: hoursView,
  }),
  removeHoursExceptions: define({
    method: "delete",
    path: "/api/v1/staff/{id}/hour-exceptions",
    action: "staff.manage",
    summary: "Remove the leave or other hours on each day from `onDate` to `untilDate` (both included)",
    params: idParams,
    query: leaveDays,
    response: hoursView,
  }),
  leaveClashes: define({
    method: "get",
    path: "/api/v1/staff/{id}/hour-exceptions/clashes",
    action: "staff.manage",
    summary: "The booked appointments that would fall outside these leave hours (SC-2), before saving them",
    params: idParams,
    query: leaveQuery,
    response: leaveClashes,
  }),
  createRoom: define({
    method: "post",
    path: "/api/v1/rooms",
    action: "staff.manage",
    summary: "Add a room or theatre",
    body: roomInput,
    response: room,
    status: 201,
  }),
  getRoomHours: define({
    method: "get",
    path: "/api/v1/rooms/{id}/hours",
    action: "staff.manage",
    summary: "A room's weekly opening hours (site time)",
    params: idParams,
    response: hoursView,
  }),
  setRoomHours: define({
    method: "put",
    path: "/api/v1/rooms/{id}/hours",
    action: "staff.manage",
    summary: "Replace a room's weekly opening hours",
    params: idParams,
    body: weeklyHours,
    response: hoursView,
  }),
  registerPatient: define({
    method: "post",
    path: "/api/v1/patients",
    action: "patient.register",
    summary: "Register a patient; the MRN is generated",
    body: patientInput,
    response: patient,
    status: 201,
  }),
  searchPatients: define({
    method: "get",
    path: "/api/v1/patients",
    action: "patient.read",
    summary: "Find patients by name (partial, accent- and case-insensitive), MRN or birth date",
    query: patientSearchQuery,
    response: patientPage,
  }),
  checkDuplicatePatients: define({
    method: "get",
    path: "/api/v1/patients/duplicates",
    action: "patient.register",
    summary: "Patients who may be the same person: same birth date and a similar name",
    query: duplicateCheckQuery,
    response: duplicateCandidates,
  }),
  getPatient: define({
    method: "get",
    path: "/api/v1/patients/{id}",
    action: "patient.read",
    summary: "One patient's demographics",
    params: idParams,
    response: patient,
  }),
  updatePatient: define({
    method: "patch",
    path: "/api/v1/patients/{id}",
    action: "patient.edit",
    summary: "Correct a patient's demographics",
    params: idParams,
    body: patientPatch,
    response: patient,
  }),
  createCase: define({
    method: "post",
    path: "/api/v1/cases",
    action: "case.create",
    summary: "Open a case for a referred patient's ankle (DX-4)",
    body: caseInput,
    response: caseSummary,
    status: 201,
  }),
  listCases: define({
    method: "get",
    path: "/api/v1/cases",
    action: "case.readSummary",
    summary: "Cases, most recently moved first, optionally by status or patient",
    query: caseListQuery,
    response: casePage,
  }),
  getCase: define({
    method: "get",
    path: "/api/v1/cases/{id}",
    action: "case.readSummary",
    summary: "A case with its history; clinicians also get the clinical record and what can be done next",
    params: idParams,
    response: caseDetail,
  }),
  recordImaging: define({
    method: "post",
    path: "/api/v1/cases/{id}/imaging",
    action: "case.recordClinical",
    summary: "Record an imaging study (DX-1); supporting imaging confirms the diagnosis (DX-3)",
    params: idParams,
    body: imagingInput,
    response: commandResult,
    status: 201,
  }),
  recordDiagnosticInjection: define({
    method: "post",
    path: "/api/v1/cases/{id}/diagnostic-injections",
    action: "case.recordClinical",
    summary: "Record a diagnostic steroid injection (DX-2)",
    params: idParams,
    body: injectionInput,
    response: commandResult,
    status: 201,
  }),
  startFirstLineCourse: define({
    method: "post",
    path: "/api/v1/cases/{id}/first-line-courses",
    action: "case.recordClinical",
    summary: "Start a first-line course (FL-1, FL-2, DX-3)",
    params: idParams,
    body: courseInput,
    response: commandResult,
    status: 201,
  }),
  reviewFirstLineCourse: define({
    method: "post",
    path: "/api/v1/cases/{id}/first-line-courses/{courseId}/review",
    action: "case.recordClinical",
    summary: "Review a first-line course (FL-3)",
    params: courseParams,
    body: reviewInput,
    response: commandResult,
  }),
  listForSurgery: define({
    method: "post",
    path: "/api/v1/cases/{id}/surgical-listing",
    action: "case.recordClinical",
    summary: "List the case for arthroscopy (SX-1)",
    params: idParams,
    body: listingInput,
    response: commandResult,
    status: 201,
  }),
  changeListingPriority: define({
    method: "patch",
    path: "/api/v1/cases/{id}/surgical-listing",
    action: "case.recordClinical",
    summary: "Change the clinical priority of a listed case, with a reason (WL-1)",
    params: idParams,
    body: listingPriorityInput,
    response: commandResult.extend({ priority: z.enum(listingPriorities) }).meta({ id: "ListingPriorityResult" }),
  }),
  recordAnaesthesiaAssessment: define({
    method: "post",
    path: "/api/v1/cases/{id}/anaesthesia-assessments",
    action: "case.recordAssessment",
    summary: "Record the pre-operative anaesthesia assessment (SX-2, SX-4)",
    params: idParams,
    body: assessmentInput,
    response: commandResult,
    status: 201,
  }),
  recordOperation: define({
    method: "post",
    path: "/api/v1/cases/{id}/operation",
    action: "case.recordClinical",
    summary: "Record the operation note (SX-3, SX-5); generates the post-operative plan (SX-6)",
    params: idParams,
    body: operationInput,
    response: commandResult,
    status: 201,
  }),
  getCarePlan: define({
    method: "get",
    path: "/api/v1/cases/{id}/care-plan",
    action: "case.readClinical",
    summary: "The post-operative plan",
    params: idParams,
    response: carePlanView,
  }),
  sendPlanMessage: define({
    method: "post",
    path: "/api/v1/cases/{id}/plan-message",
    action: "case.sendPlanMessage",
    summary:
      "Send the patient the recovery plan again, with the upcoming appointments as a calendar file, on each channel the patient consents to (PW-3 before the operation)",
    params: idParams,
    response: planMessageResult,
    status: 202,
  }),
  recordCrutchWeaning: define({
    method: "post",
    path: "/api/v1/cases/{id}/crutch-weaning",
    action: "case.recordRecovery",
    summary: "Record that the patient is off crutches (PO-1)",
    params: idParams,
    body: crutchWeaningInput,
    response: commandResult,
    status: 201,
  }),
  recordClearance: define({
    method: "post",
    path: "/api/v1/cases/{id}/clearances",
    action: "case.recordRecovery",
    summary: "Clear a return to sport (PO-6)",
    params: idParams,
    body: clearanceInput,
    response: commandResult,
    status: 201,
  }),
  ...outcomeRecordEndpoints,
  cancelCase: define({
    method: "post",
    path: "/api/v1/cases/{id}/cancel",
    action: "case.recordClinical",
    summary: "Cancel a case before its operation, with the reason",
    params: idParams,
    body: cancellationInput,
    response: commandResult,
  }),
  dischargeCase: define({
    method: "post",
    path: "/api/v1/cases/{id}/discharge",
    action: "case.recordClinical",
    summary: "Discharge an operated case",
    params: idParams,
    body: dischargeInput,
    response: commandResult,
  }),
  getCaseOutcomes: define({
    method: "get",
    path: "/api/v1/cases/{id}/outcomes",
    action: "outcome.read",
    summary:
      "The case's outcomes: pain scores oldest first with the baseline and the change at each point after the operation (OC-1, OC-4), returns to activity (OC-2) and complications (OC-3); reading them is audited",
    params: idParams,
    response: caseOutcomes,
  }),
  recordPainScore: define({
    method: "post",
    path: "/api/v1/cases/{id}/pain-scores",
    action: "outcome.recordPainScore",
    summary:
      "Record a 0-10 pain score at a time point, dated inside its window (OC-1: referral, listing, before the operation, 6 weeks, 3, 6 and 12 months after it; site policy)",
    params: idParams,
    body: painScoreInput,
    response: painScoreView,
    status: 201,
  }),
  bookAppointment: define({
    method: "post",
    path: "/api/v1/appointments",
    action: "appointment.book",
    summary: "Book an appointment (SC-1..SC-5; arthroscopy SX-2..SX-4; dressing PO-3; physiotherapy PO-4)",
    body: appointmentInput,
    response: appointmentView,
    status: 201,
  }),
  listAppointments: define({
    method: "get",
    path: "/api/v1/appointments",
    action: "appointment.read",
    summary: "Appointments in a period, by clinician, room, patient, case or kind; cancelled ones included",
    query: appointmentQuery,
    response: appointmentList,
  }),
  findSlots: define({
    method: "get",
    path: "/api/v1/appointments/slots",
    action: "appointment.book",
    summary: "Free slots for a case's next appointment of a kind",
    query: slotQuery,
    response: slotList,
  }),
  findMoveSlots: define({
    method: "get",
    path: "/api/v1/appointments/{id}/slots",
    action: "appointment.book",
    summary: "Free times an appointment can move to, with its own clinician and room (SC-4)",
    params: idParams,
    query: moveSlotQuery,
    response: slotList,
  }),
  theatreCandidates: define({
    method: "get",
    path: "/api/v1/theatre-lists/candidates",
    action: "theatre.offer",
    summary:
      "Waiting-list cases that could take a freed theatre time as booked (WL-4), in waiting-list order (WL-3), each with the arthroscopy to book",
    query: candidateQuery,
    response: candidateList,
  }),
  getAppointment: define({
    method: "get",
    path: "/api/v1/appointments/{id}",
    action: "appointment.read",
    summary: "One appointment with its history",
    params: idParams,
    response: appointmentView,
  }),
  moveAppointment: define({
    method: "patch",
    path: "/api/v1/appointments/{id}",
    action: "appointment.book",
    summary: "Move an appointment, with the reason (SC-4)",
    params: idParams,
    body: moveInput,
    response: appointmentView,
  }),
  cancelAppointment: define({
    method: "post",
    path: "/api/v1/appointments/{id}/cancel",
    action: "appointment.book",
    summary: "Cancel an appointment, with the reason (SC-4)",
    params: idParams,
    body: cancelInput,
    response: appointmentView,
  }),
  markAttendance: define({
    method: "post",
    path: "/api/v1/appointments/{id}/attendance",
    action: "appointment.attendance",
    summary:
      "Mark the patient arrived or not attending, from the appointment's own day on (PW-1); a correction replaces the mark and is audited. Reception, and each role for the kinds it books",
    params: idParams,
    body: attendanceInput,
    response: appointmentView,
  }),
  bookPostOperativeSeries: define({
    method: "post",
    path: "/api/v1/cases/{id}/appointment-series",
    action: "appointment.book",
    summary: "Preview or book the post-operative dressings (PO-3) and physiotherapy (PO-4) at chosen times",
    params: idParams,
    body: seriesInput,
    response: seriesResult,
  }),
  recordDressing: define({
    method: "post",
    path: "/api/v1/appointments/{id}/dressing-record",
    action: "case.recordDressing",
    summary: "Record a dressing visit: the wound's state and notes (PO-3); healed ends the series",
    params: idParams,
    body: dressingRecordInput,
    response: dressingRecordResult,
    status: 201,
  }),
  recordDressingVisit: define({
    method: "post",
    path: "/api/v1/dressing-visits/{id}/dressing-record",
    action: "case.recordDressing",
    summary:
      "Record a dressing that was due but not booked, from the round: the wound's state and notes (PO-3); healed ends the series",
    params: idParams,
    body: dressingRecordInput,
    response: dressingRecordResult,
    status: 201,
  }),
  recordPhysioSession: define({
    method: "post",
    path: "/api/v1/appointments/{id}/physio-record",
    action: "case.recordPhysioSession",
    summary: "Record a physiotherapy session: notes, exercises, progress",
    params: idParams,
    body: physioRecordInput,
    response: physioRecordResult,
    status: 201,
  }),
  dressingRound: define({
    method: "get",
    path: "/api/v1/dressing-round",
    action: "case.readClinical",
    summary:
      "The dressings of a day at the site: booked ones in time order, then those due that day and not booked (PO-3)",
    query: roundQuery,
    response: dressingRoundView,
  }),
  recoveryBoard: define({
    method: "get",
    path: "/api/v1/recovery-board",
    action: "case.readClinical",
    summary: "Operated patients, one row per case: day since operation, next dressing, open alerts, milestones",
    response: recoveryBoardView,
  }),
  waitingListSummary: define({
    method: "get",
    path: "/api/v1/waiting-list/summary",
    action: "waitingList.read",
    summary:
      "The waiting list's figures at the actor's site (WL-2, listing to operation): patients waiting, median and 90th-percentile days waited (nearest rank), breaches this month, and the breach forecast for the next four weeks; optionally of one surgeon's listings or one priority",
    query: waitingListSummaryQuery,
    response: waitingListSummary,
  }),
  complianceReport: define({
    method: "get",
    path: "/api/v1/analytics/compliance",
    action: "analytics.read",
    summary:
      "OC-5 at the actor's site over a period (`from`, `to`: site calendar days, both included; default the twelve months to today): per measured rule (PO-3, PO-1, PO-4, PO-6, SX-3) the items eligible, met, the share met and the cases behind, PO-3's longest gap in days; and the waits between pathway stages (referral, diagnosis, first-line treatment, listing, operation) of the cases operated in the period, nearest-rank median and 90th percentile in days. The cases behind each figure are named and linked only for roles that read the clinical record (that read is audited)",
    query: periodQuery,
    response: complianceReport,
  }),
  outcomesReport: define({
    method: "get",
    path: "/api/v1/analytics/outcomes",
    action: "analytics.read",
    summary:
      "The outcomes of the cases operated in the period at the actor's site (the twelve months to today by default): pain by time point with quartiles (OC-1), the share with a clinically important improvement at 3 and 12 months (OC-4), returns to activity and running against its two-month milestone (OC-2), complications per 100 operations by kind and Clavien-Dindo grade (OC-3). No patient is named; the case ids behind each figure only for roles that read the clinical record",
    query: periodQuery,
    response: outcomesReport,
  }),
  exportOutcomes: define({
    method: "get",
    path: "/api/v1/analytics/outcomes.csv",
    action: "analytics.read",
    summary:
      "One table of the outcomes report (pain, improvement, returns or complications) as a CSV file; each export is audited",
    query: outcomesCsvQuery,
  }),
  theatreLists: define({
    method: "get",
    path: "/api/v1/theatre-lists",
    action: "theatreList.read",
    summary:
      "A day's theatre lists (WL-5): every active theatre's morning and afternoon sessions (site time), each with its booked arthroscopies in running order, utilisation (booked minutes / session minutes) and free gaps",
    query: theatreListQuery,
    response: theatreLists,
  }),
  reorderTheatreList: define({
    method: "put",
    path: "/api/v1/theatre-lists/order",
    action: "theatreList.reorder",
    summary:
      "Record the running order of one session's list (WL-5): every booked arthroscopy of the session, each once; audited",
    body: theatreListOrderInput,
    response: theatreSessionList,
  }),
  replaceMissedDressing: define({
    method: "post",
    path: "/api/v1/cases/{id}/dressing-replacements",
    action: "case.recordDressing",
    summary: "Replace a missed dressing with a visit the next day (PO-3)",
    params: idParams,
    body: replacementInput,
    response: dressingReplacement,
    status: 201,
  }),
  acknowledgeAlert: define({
    method: "post",
    path: "/api/v1/cases/{id}/alert-acknowledgements",
    action: "alert.acknowledge",
    summary: "Acknowledge some or all of a case's recovery alerts with one note (all or none)",
    params: idParams,
    body: acknowledgeInput,
    response: alertAcknowledgement,
    status: 201,
  }),
  caseCalendarFile: define({
    method: "get",
    path: "/api/v1/cases/{id}/appointments.ics",
    action: "case.readSummary",
    summary: "The case's booked appointments as an iCalendar (.ics) file for the patient",
    params: idParams,
  }),
  getPolicies: define({
    method: "get",
    path: "/api/v1/policies",
    action: "policies.read",
    summary:
      "The site's clinic policies: assessment validity, dressing series, first physiotherapy, appointment lengths",
    response: policiesInput,
  }),
  setPolicies: define({
    method: "put",
    path: "/api/v1/policies",
    action: "staff.manage",
    summary: "Set the site's clinic policies",
    body: policiesInput,
    response: policiesInput,
  }),
  listAuditEvents: define({
    method: "get",
    path: "/api/v1/audit-events",
    action: "audit.read",
    summary:
      "The audit trail, newest first, with staff and patient names and the action in plain words; reading it is audited",
    query: auditQuery,
    response: auditPage,
  }),
  exportAuditEvents: define({
    method: "get",
    path: "/api/v1/audit-events.csv",
    action: "audit.read",
    summary: "The audit trail's events matching the filters, newest first, as a CSV file; each export is audited",
    query: auditFilter,
  }),
  listWaitingList: define({
    method: "get",
    path: "/api/v1/waiting-list",
    action: "waitingList.read",
    summary:
      "The surgical waiting list of the actor's site (WL-3): listed cases not yet operated or cancelled, by priority, breach date, listing date and case id, with the admitted-pathway clock (WL-2); reading it is audited",
    query: waitingListQuery,
    response: waitingListPage,
  }),
  exportWaitingList: define({
    method: "get",
    path: "/api/v1/waiting-list.csv",
    action: "waitingList.read",
    summary: "The whole waiting list matching the filters, in the list's order, as a CSV file; each export is audited",
    query: waitingListFilter,
  }),
  exportCompliance: define({
    method: "get",
    path: "/api/v1/analytics/compliance.csv",
    action: "analytics.read",
    summary:
      "OC-5: the compliance figures per rule over the period, as a CSV file (no patient named); each export is audited",
    query: periodQuery,
  }),
  exportStageWaits: define({
    method: "get",
    path: "/api/v1/analytics/stage-waits.csv",
    action: "analytics.read",
    summary:
      "The waits between pathway stages of the cases operated in the period, as a CSV file (no patient named); each export is audited",
    query: periodQuery,
  }),
  listMoveRequests: define({
    method: "get",
    path: "/api/v1/move-requests",
    action: "moveRequest.read",
    summary:
      "The patients' requests, made on their own page, to move an appointment: of one status (open by default), oldest first, with the patient, the appointment and the patient's note; reading them is audited",
    query: moveRequestQuery,
    response: moveRequestPage,
  }),
  handleMoveRequest: define({
    method: "post",
    path: "/api/v1/move-requests/{id}/handled",
    action: "moveRequest.handle",
    summary:
      'Close an open move request: "done" once the appointment was moved (through the normal booking), "declined" when it could not be, with an optional response; the appointment itself is not changed',
    params: idParams,
    body: handleMoveRequestInput,
    response: moveRequestView,
  }),
  listMessages: define({
    method: "get",
    path: "/api/v1/messages",
    action: "message.read",
    summary:
      "Messages to patients (the outbox), newest first, each with its state (queued, sent, retrying, failed with its reason, handled, cancelled), its text and its patient; of one patient, one state, or only the failed ones flagged to reception (`flagged=true`); reading it is audited",
    query: messageQuery,
    response: messagePage,
  }),
  retryMessage: define({
    method: "post",
    path: "/api/v1/messages/{id}/retry",
    action: "message.handle",
    summary:
      "Try a failed message again: it is queued with a new delivery now and no longer flagged; 409 MESSAGE_NOT_FAILED for a message that is not failed; audited",
    params: idParams,
    response: messageView,
  }),
  markMessageHandled: define({
    method: "post",
    path: "/api/v1/messages/{id}/handled",
    action: "message.handle",
    summary:
      "Mark a failed message handled (reception reached the patient another way): it stays failed and is no longer flagged; 409 MESSAGE_NOT_FAILED or MESSAGE_HANDLED otherwise; audited",
    params: idParams,
    response: messageView,
  }),
  issuePortalLink: define({
    method: "post",
    path: "/api/v1/patients/{id}/portal-links",
    action: "portal.issue",
    summary:
      "A new link to the patient's own page, valid for the site's portalLinkDays; its token is in `url` only in this answer and stored only hashed; the link is sent to the patient (email, SMS) as they consent",
    params: idParams,
    response: portalLinkIssued,
    status: 201,
    forReplay: withoutLinkUrl,
  }),
  listPortalLinks: define({
    method: "get",
    path: "/api/v1/patients/{id}/portal-links",
    action: "portal.read",
    summary: "The patient's page links, newest first, with their state, expiry and last use (never their tokens)",
    params: idParams,
    query: portalLinkQuery,
    response: portalLinkPage,
  }),
  revokePortalLink: define({
    method: "delete",
    path: "/api/v1/portal-links/{id}",
    action: "portal.revoke",
    summary: "Withdraws a patient-page link: the page stops opening at once; withdrawing it again changes nothing",
    params: idParams,
    response: portalLinkView,
  }),
} as const;
