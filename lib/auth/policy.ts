// Who may do what: the protocol's role table as data. Every route handler and server-side
// page asks `isAllowed`; an action missing here is denied to everyone.

import { appointmentKinds, roles, type AppointmentKind, type Role } from "@/lib/domain/vocabulary";

// The roles are the protocol's vocabulary; the policy, which speaks of them, hands them on.
export { roles, type Role };

const clinical: Role[] = ["nurse", "surgeon", "anaesthetist", "physio"];
const everyone: Role[] = [...roles];

export const policy = {
  "workspace.reception": ["reception"],
  "workspace.nurse": ["nurse"],
  "workspace.surgeon": ["surgeon"],
  "workspace.anaesthetist": ["anaesthetist"],
  "workspace.physio": ["physio"],
  "workspace.admin": ["admin"],

  "staff.list": everyone,
  // Clinic policies are shown to everyone and set by the administrator.
  "policies.read": everyone,
  "room.list": everyone,

  // Register / edit patient demographics.
  "patient.register": ["reception", "surgeon", "admin"],
  "patient.edit": ["reception", "surgeon", "admin"],
  // Demographics are what every role needs to find the right person.
  "patient.read": everyone,

  // Read the clinical record of a case: reception sees a summary only, admin nothing.
  "case.readSummary": ["reception", ...clinical],
  "case.readClinical": clinical,
  // A referral opens a case.
  "case.create": ["reception", "surgeon"],
  // Record imaging, diagnosis, first-line course, listing, operation (SX-1: a surgeon only).
  "case.recordClinical": ["surgeon"],
  "case.recordAssessment": ["anaesthetist"],
  // Record crutch weaning and sport clearance.
  "case.recordRecovery": ["surgeon", "physio"],
  // A physiotherapy session's record is the physiotherapist's own (the API's physio-record).
  "case.recordPhysioSession": ["physio"],
  "case.recordDressing": ["nurse"],
  // Send the patient the recovery plan again (SX-6): those who book the post-operative series
  // (reception, surgeon, nurse, physiotherapist) and reception, who handles failed messages.
  "case.sendPlanMessage": ["reception", "surgeon", "nurse", "physio"],
  // The surgeon sees and acknowledges what recovery raises.
  "alert.acknowledge": ["surgeon"],

  // Book, move, cancel appointments: every role books some kinds (see bookableKinds).
  "appointment.book": everyone,
  "appointment.read": everyone,
  // Mark a patient arrived or not attending: reception, and each role for the kinds it books
  // (mayMarkAttendance), as the appointment's own day comes.
  "appointment.attendance": everyone,
  // Why an appointment was moved or cancelled can be clinical ("wound breakdown"): the
  // administrator, who reads no clinical record, sees the history without the reasons.
  "appointment.readReasons": ["reception", ...clinical],
  // Freed theatre time offered to the waiting list (WL-4): the roles that book arthroscopies.
  "theatre.offer": ["reception", "surgeon", "admin"],

  // The surgical waiting list (WL-3): who books theatre time and who plans the patients for it.
  "waitingList.read": ["reception", "surgeon", "anaesthetist", "admin"],
  // Theatre lists (WL-5) name patients and their operations: the clinical roles and reception,
  // not the administrator, who reads no clinical record. The running order is set by those who
  // run the list day to day: the surgeon and reception.
  "theatreList.read": ["reception", ...clinical],
  "theatreList.reorder": ["reception", "surgeon"],

  // Outcomes against the operation's aim (OC-1..OC-4): read by the clinical roles; pain scored by
  // any of them, returns to activity by those who clear them, complications by the surgeon.
  "outcome.read": clinical,
  "outcome.recordPainScore": clinical,
  "outcome.recordReturn": ["surgeon", "physio"],
  "outcome.recordComplication": ["surgeon"],
  // The pathway dashboard (OC-5 and the cohort's outcomes): figures without names. The cases
  // behind a figure are linked only for roles that read the clinical record.
  "analytics.read": ["surgeon", "admin"],

  // Patients' requests, from their own page, to move an appointment: reception works through them
  // (moving the appointment through the normal booking screens); the administrator may read them.
  "moveRequest.read": ["reception", "admin"],
  "moveRequest.handle": ["reception"],
  // The outbox of messages to patients: reception, who answers the phone, and the administrator
  // see every message's state; both retry a failed one or mark it handled (the patient was called).
  "message.read": ["reception", "admin"],
  "message.handle": ["reception", "admin"],
  // A message's text tells of the patient's care (the recovery plan's dates): reception reads it;
  // the administrator sees states and reasons only.
  "message.readText": ["reception"],
  // The patient's own page (a link with a secret token): made, listed and withdrawn by those who
  // give patients their appointments and their plan.
  "portal.issue": ["reception", "surgeon"],
  "portal.read": ["reception", "surgeon"],
  "portal.revoke": ["reception", "surgeon"],

  // Manage staff, sites, rooms, working hours, policies; read the audit log.
  "audit.read": ["admin"],
  "staff.manage": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof policy;

// Book, move, cancel appointments: reception, surgeon and admin any kind; the nurse dressings,
// the anaesthetist assessments, the physiotherapist physiotherapy.
const bookableKinds: Record<Role, readonly AppointmentKind[]> = {
  reception: appointmentKinds,
  surgeon: appointmentKinds,
  admin: appointmentKinds,
  nurse: ["dressing"],
  anaesthetist: ["anaesthesia_assessment"],
  physio: ["physio"],
};

export function mayBook(role: Role, kind: AppointmentKind): boolean {
  return bookableKinds[role].includes(kind);
}

/** Whether `role` marks attendance at an appointment of `kind`: the roles that book that kind. */
export function mayMarkAttendance(role: Role, kind: AppointmentKind): boolean {
  return isAllowed(role, "appointment.attendance") && mayBook(role, kind);
}

export function isAllowed(role: Role, action: Action): boolean {
  return (policy[action] as readonly Role[] | undefined)?.includes(role) ?? false;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

export const workspaceOf: Record<Role, `/${Role}`> = {
  reception: "/reception",
  nurse: "/nurse",
  surgeon: "/surgeon",
  anaesthetist: "/anaesthetist",
  physio: "/physio",
  admin: "/admin",
};
