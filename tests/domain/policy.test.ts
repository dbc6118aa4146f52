import { describe, expect, it } from "vitest";
import { isAllowed, mayBook, mayMarkAttendance, policy, roles, type Action, type Role } from "@/lib/auth/policy";

// The protocol's "who may do what" table, written out independently of lib/auth/policy.ts.
const expected: Record<Action, Role[]> = {
  "workspace.reception": ["reception"],
  "workspace.nurse": ["nurse"],
  "workspace.surgeon": ["surgeon"],
  "workspace.anaesthetist": ["anaesthetist"],
  "workspace.physio": ["physio"],
  "workspace.admin": ["admin"],
  "staff.list": [...roles],
  "policies.read": [...roles],
  "room.list": [...roles],
  "patient.register": ["reception", "surgeon", "admin"],
  "patient.edit": ["reception", "surgeon", "admin"],
  "patient.read": [...roles],
  "case.readSummary": ["reception", "nurse", "surgeon", "anaesthetist", "physio"],
  "case.readClinical": ["nurse", "surgeon", "anaesthetist", "physio"],
  "case.create": ["reception", "surgeon"],
  "case.recordClinical": ["surgeon"],
  "case.recordAssessment": ["anaesthetist"],
  "case.recordRecovery": ["surgeon", "physio"],
  "case.recordPhysioSession": ["physio"],
  "case.recordDressing": ["nurse"],
  // The recovery plan goes again from those who book the post-operative series (SX-6).
  "case.sendPlanMessage": ["reception", "nurse", "surgeon", "physio"],
  "alert.acknowledge": ["surgeon"],
  "appointment.book": [...roles],
  "appointment.read": [...roles],
  "appointment.attendance": [...roles],
  "appointment.readReasons": ["reception", "nurse", "surgeon", "anaesthetist", "physio"],
  "waitingList.read": ["reception", "surgeon", "anaesthetist", "admin"],
  // API contract: theatre lists for the clinical roles and reception; the order set by surgeon and reception (WL-5).
  "theatreList.read": ["reception", "nurse", "surgeon", "anaesthetist", "physio"],
  "theatreList.reorder": ["reception", "surgeon"],
  "outcome.read": ["nurse", "surgeon", "anaesthetist", "physio"],
  "outcome.recordPainScore": ["nurse", "surgeon", "anaesthetist", "physio"],
  "outcome.recordReturn": ["surgeon", "physio"],
  "outcome.recordComplication": ["surgeon"],
  "analytics.read": ["surgeon", "admin"],
  // API contract: the freed theatre time's candidates (WL-4) are for the roles that book arthroscopies.
  "theatre.offer": ["reception", "surgeon", "admin"],
  // Reception handles the patients' move requests; the administrator may read them.
  "moveRequest.read": ["reception", "admin"],
  "moveRequest.handle": ["reception"],
  "audit.read": ["admin"],
  "staff.manage": ["admin"],
  // The outbox of messages to patients, read and handled by reception and the administrator.
  "message.read": ["reception", "admin"],
  "message.handle": ["reception", "admin"],
  "message.readText": ["reception"],
  // API contract: patient-page links are made and withdrawn by reception and the surgeon.
  "portal.issue": ["reception", "surgeon"],
  "portal.read": ["reception", "surgeon"],
  "portal.revoke": ["reception", "surgeon"],
};

describe("role policy", () => {
  it("covers exactly the actions of the protocol table", () => {
    expect(Object.keys(policy).sort()).toEqual(Object.keys(expected).sort());
  });
  for (const action of Object.keys(expected) as Action[]) {
    for (const role of roles) {
      const allowed = expected[action].includes(role);
      it(`${allowed ? "allows" : "denies"} ${role} to ${action}`, () => {
        expect(isAllowed(role, action)).toBe(allowed);
      });
    }
  }
  it("lets each role book only the kinds of appointment the protocol gives it", () => {
    expect(mayBook("nurse", "dressing")).toBe(true);
    expect(mayBook("nurse", "consultation")).toBe(false);
    expect(mayBook("anaesthetist", "anaesthesia_assessment")).toBe(true);
    expect(mayBook("anaesthetist", "arthroscopy")).toBe(false);
    expect(mayBook("physio", "physio")).toBe(true);
    expect(mayBook("physio", "dressing")).toBe(false);
    expect(mayBook("reception", "arthroscopy")).toBe(true);
  });
  it("lets reception mark attendance at every kind, and each role at the kinds it books (API contract)", () => {
    expect(mayMarkAttendance("reception", "dressing")).toBe(true);
    expect(mayMarkAttendance("reception", "arthroscopy")).toBe(true);
    expect(mayMarkAttendance("admin", "physio")).toBe(true);
    expect(mayMarkAttendance("nurse", "dressing")).toBe(true);
    expect(mayMarkAttendance("nurse", "physio")).toBe(false);
    expect(mayMarkAttendance("physio", "consultation")).toBe(false);
  });
  it("denies an action it does not know", () => {
    expect(isAllowed("admin", "no.such.action" as Action)).toBe(false);
  });
});
