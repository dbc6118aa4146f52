// Every endpoint of the public API, once: its method, path, the policy action it needs and
// its schemas. Route handlers, the OpenAPI document and the role-matrix test all read this.
import { z } from "zod";
import type { Action } from "@/lib/auth/policy";
import { idParams } from "@/lib/schemas/common";
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
  operationInput,
  reviewInput,
} from "@/lib/schemas/case";
import { auditPage, auditQuery } from "@/lib/schemas/audit";
import {
  duplicateCandidates,
  duplicateCheckQuery,
  patient,
  patientInput,
  patientPage,
  patientPatch,
  patientSearchQuery,
} from "@/lib/schemas/patient";
import { roomList, roomQuery, staffList, staffQuery } from "@/lib/schemas/staff";

export type Method = "get" | "post" | "patch";

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
  listAuditEvents: define({
    method: "get",
    path: "/api/v1/audit-events",
    action: "audit.read",
    summary: "The audit trail, newest first",
    query: auditQuery,
    response: auditPage,
  }),
} as const;
