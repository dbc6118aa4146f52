// Every endpoint of the public API, once: its method, path, the policy action it needs and
// its schemas. Route handlers, the OpenAPI document and the role-matrix test all read this.
import { z } from "zod";
import type { Action } from "@/lib/auth/policy";
import { idParams } from "@/lib/schemas/common";
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
  listAuditEvents: define({
    method: "get",
    path: "/api/v1/audit-events",
    action: "audit.read",
    summary: "The audit trail, newest first",
    query: auditQuery,
    response: auditPage,
  }),
} as const;
