import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { isAllowed, roles, type Role } from "@/lib/auth/policy";
import { endpoints, type Endpoint } from "@/lib/http/endpoints";
import { apiAs, newestAuditId } from "./support";

type EndpointName = keyof typeof endpoints;
const named = Object.entries(endpoints) as [EndpointName, Endpoint][];
const catalogue = named.map(([, endpoint]) => endpoint);
const urlOf = (endpoint: Endpoint) => endpoint.path.replace("{id}", randomUUID());

function call(api: APIRequestContext, endpoint: Endpoint, url = urlOf(endpoint), data?: unknown) {
  switch (endpoint.method) {
    case "get":
      return api.get(url);
    case "post":
      return api.post(url, { data: data ?? {} });
    case "patch":
      return api.patch(url, { data: data ?? {} });
    case "put":
      return api.put(url, { data: data ?? {} });
    case "delete":
      return api.delete(url);
  }
}

const clients = new Map<Role | null, APIRequestContext>();
test.beforeAll(async () => {
  for (const role of [null, ...roles]) clients.set(role, await apiAs(role));
});

/**
 * What a role that is allowed gets from each endpoint for the matrix's request: a random UUID for
 * `{id}`, `{}` as the body of a POST, PATCH or PUT, no query. The handler (lib/http/handler.ts)
 * checks the session and the policy, then parses params, query and body in that order, and only
 * then runs the service, so:
 * - 200: a list or a read that needs no id (its query is all optional);
 * - 400: a required query or body field is missing from `{}`, or a param is not a UUID (the
 *   course review keeps the literal `{courseId}` in its path);
 * - 404: everything parses (`{}` is a valid, all-optional body) and the service finds no row for
 *   the random id.
 * A new endpoint fails "the expected statuses cover the catalogue" until it has its line here.
 */
const allowedStatus: Record<EndpointName, 200 | 400 | 404> = {
  health: 200,
  metrics: 200, // the administrator's only
  listStaff: 200,
  listRooms: 200,
  createStaff: 400,
  issuePasswordLink: 404,
  setPassword: 400, // open to anyone: token and password are required
  updateStaff: 404, // staffPatch is all optional
  getStaffHours: 404,
  setStaffHours: 400,
  addHoursException: 400,
  removeHoursExceptions: 400, // onDate is required in the query
  leaveClashes: 400, // onDate is required in the query
  createRoom: 400,
  getRoomHours: 404,
  setRoomHours: 400,
  registerPatient: 400,
  searchPatients: 200,
  checkDuplicatePatients: 400, // givenName, familyName and birthDate are required in the query
  getPatient: 404,
  updatePatient: 404, // patientPatch is all optional
  createCase: 400,
  listCases: 200,
  getCase: 404,
  recordImaging: 400,
  recordDiagnosticInjection: 400,
  startFirstLineCourse: 400,
  reviewFirstLineCourse: 400, // courseId "{courseId}" is not a UUID
  listForSurgery: 404, // listedOn, notes and priority are optional
  changeListingPriority: 400, // priority and reason are required
  recordAnaesthesiaAssessment: 400,
  recordOperation: 400,
  getCarePlan: 404,
  sendPlanMessage: 404,
  recordCrutchWeaning: 400,
  recordClearance: 400,
  listActivityReturns: 404,
  recordActivityReturn: 400,
  listComplications: 404,
  recordComplication: 400,
  cancelCase: 400,
  dischargeCase: 400,
  getCaseOutcomes: 404,
  recordPainScore: 400,
  bookAppointment: 400,
  listAppointments: 200,
  findSlots: 400, // caseId, kind and from are required in the query
  theatreCandidates: 400, // roomId, start and end are required in the query
  findMoveSlots: 400, // from is required in the query
  getAppointment: 404,
  moveAppointment: 400,
  cancelAppointment: 400,
  markAttendance: 400, // outcome is required
  bookPostOperativeSeries: 400, // neither a dressing nor a physiotherapy time
  recordDressing: 400,
  recordDressingVisit: 400, // woundState is required
  recordPhysioSession: 400,
  dressingRound: 200, // the date defaults to today
  recoveryBoard: 200,
  waitingListSummary: 200, // both filters are optional
  complianceReport: 200, // the period is optional
  theatreLists: 400, // date is required in the query
  reorderTheatreList: 400,
  replaceMissedDressing: 400,
  acknowledgeAlert: 400,
  caseCalendarFile: 404,
  getPolicies: 200,
  setPolicies: 400,
  listAuditEvents: 200,
  exportAuditEvents: 200,
  listWaitingList: 200,
  exportWaitingList: 200,
  exportCompliance: 200,
  exportStageWaits: 200,
  outcomesReport: 200, // the period is optional
  exportOutcomes: 400, // the table is required
  listMoveRequests: 200,
  handleMoveRequest: 400, // the outcome is required
  listMessages: 200, // every filter is optional
  retryMessage: 404, // it takes no body: the random id names no message
  markMessageHandled: 404,
  issuePortalLink: 404,
  listPortalLinks: 404,
  revokePortalLink: 404,
};

test.describe("role matrix: every role against every endpoint", () => {
  test("the expected statuses cover the catalogue, and only the catalogue", () => {
    const expected = Object.keys(allowedStatus).sort();
    expect(
      named.map(([name]) => name).sort(),
      "an endpoint without an expected status, or a stale line in allowedStatus",
    ).toEqual(expected);
  });

  for (const [name, endpoint] of named) {
    test(`${endpoint.method.toUpperCase()} ${endpoint.path}`, async () => {
      const expected = allowedStatus[name];
      const anonymous = (await call(clients.get(null)!, endpoint)).status();
      // An open endpoint answers everyone alike.
      expect(anonymous, "signed out").toBe(endpoint.action ? 401 : expected);
      for (const role of roles) {
        const response = await call(clients.get(role)!, endpoint);
        const status = response.status();
        if (!endpoint.action || isAllowed(role, endpoint.action)) {
          expect(status, `${role} is allowed: ${await response.text()}`).toBe(expected);
          if (expected !== 200)
            expect((await response.json()).code, role).toBe(expected === 400 ? "VALIDATION" : "NOT_FOUND");
        } else {
          expect(status, `${role} is denied`).toBe(403);
        }
      }
    });
  }
});

test.describe("malformed input", () => {
  const malformed: { name: string; endpoint: Endpoint; url: string; data?: unknown; paths: string[] }[] = [
    {
      name: "a registration with missing and wrong fields",
      endpoint: endpoints.registerPatient,
      url: "/api/v1/patients",
      data: { givenName: "", birthDate: "1990-02-31", sex: "x", email: "not-an-email", extra: 1 },
      paths: ["givenName", "familyName", "birthDate", "sex", "email", ""],
    },
    {
      name: "a patient id that is not a UUID",
      endpoint: endpoints.getPatient,
      url: "/api/v1/patients/123",
      paths: ["id"],
    },
    {
      name: "a patient edit with a future birth date",
      endpoint: endpoints.updatePatient,
      url: `/api/v1/patients/${randomUUID()}`,
      data: { birthDate: "2999-01-01" },
      paths: ["birthDate"],
    },
    {
      name: "a search with a limit out of range",
      endpoint: endpoints.searchPatients,
      url: "/api/v1/patients?limit=1000",
      paths: ["limit"],
    },
    {
      name: "a duplicate check without a birth date",
      endpoint: endpoints.checkDuplicatePatients,
      url: "/api/v1/patients/duplicates?givenName=A&familyName=B",
      paths: ["birthDate"],
    },
    {
      name: "a staff list for an unknown role",
      endpoint: endpoints.listStaff,
      url: "/api/v1/staff?role=janitor",
      paths: ["role"],
    },
    {
      name: "a room list for an unknown kind",
      endpoint: endpoints.listRooms,
      url: "/api/v1/rooms?kind=kitchen",
      paths: ["kind"],
    },
    {
      name: "a referral without a side",
      endpoint: endpoints.createCase,
      url: "/api/v1/cases",
      data: { patientId: "nope", mechanism: "traumatic" },
      paths: ["patientId", "side"],
    },
    {
      name: "a case list for an unknown status",
      endpoint: endpoints.listCases,
      url: "/api/v1/cases?status=lost",
      paths: ["status"],
    },
    { name: "a case id that is not a UUID", endpoint: endpoints.getCase, url: "/api/v1/cases/42", paths: ["id"] },
    {
      name: "a care plan for an id that is not a UUID",
      endpoint: endpoints.getCarePlan,
      url: "/api/v1/cases/42/care-plan",
      paths: ["id"],
    },
    {
      name: "a case's returns to activity by a bad id (OC-2)",
      endpoint: endpoints.listActivityReturns,
      url: "/api/v1/cases/42/activity-returns",
      paths: ["id"],
    },
    {
      name: "a case's complications by a bad id (OC-3)",
      endpoint: endpoints.listComplications,
      url: "/api/v1/cases/42/complications",
      paths: ["id"],
    },
    {
      name: "imaging without findings",
      endpoint: endpoints.recordImaging,
      url: `/api/v1/cases/${randomUUID()}/imaging`,
      data: { modality: "mri", performedOn: "2026-01-01", supportsDiagnosis: "yes" },
      paths: ["findings", "supportsDiagnosis"],
    },
    {
      name: "an injection with an unknown guidance",
      endpoint: endpoints.recordDiagnosticInjection,
      url: `/api/v1/cases/${randomUUID()}/diagnostic-injections`,
      data: { performedOn: "2026-01-01", guidance: "ct", painRelieved: true },
      paths: ["guidance"],
    },
    {
      name: "a course with an unknown measure",
      endpoint: endpoints.startFirstLineCourse,
      url: `/api/v1/cases/${randomUUID()}/first-line-courses`,
      data: { startedOn: "2026-01-01", painSeverity: "mild", measures: ["surgery"] },
      paths: ["measures.0"],
    },
    {
      name: "a review with a bad course id",
      endpoint: endpoints.reviewFirstLineCourse,
      url: `/api/v1/cases/${randomUUID()}/first-line-courses/x/review`,
      data: { reviewedOn: "2026-01-01", outcome: "failed" },
      paths: ["courseId"],
    },
    {
      name: "a listing with a malformed date",
      endpoint: endpoints.listForSurgery,
      url: `/api/v1/cases/${randomUUID()}/surgical-listing`,
      data: { listedOn: "01/02/2026" },
      paths: ["listedOn"],
    },
    {
      name: "a priority change to a priority that does not exist, with no reason",
      endpoint: endpoints.changeListingPriority,
      url: `/api/v1/cases/${randomUUID()}/surgical-listing`,
      data: { priority: "P0" },
      paths: ["priority", "reason"],
    },
    {
      name: "an assessment with ASA grade 6",
      endpoint: endpoints.recordAnaesthesiaAssessment,
      url: `/api/v1/cases/${randomUUID()}/anaesthesia-assessments`,
      data: { assessedOn: "2026-01-01", asaGrade: 6, anaesthesiaType: "general", homeSupport: true },
      paths: ["asaGrade"],
    },
    {
      name: "an operation note without findings or a time zone offset",
      endpoint: endpoints.recordOperation,
      url: `/api/v1/cases/${randomUUID()}/operation`,
      data: { performedAt: "2026-01-01T10:00", anaesthesiaGiven: "general", dischargeAnalgesia: "Paracetamol" },
      paths: ["performedAt", "findings"],
    },
    {
      name: "crutch weaning without a date",
      endpoint: endpoints.recordCrutchWeaning,
      url: `/api/v1/cases/${randomUUID()}/crutch-weaning`,
      data: {},
      paths: ["recordedOn"],
    },
    {
      name: "a clearance for an unknown activity",
      endpoint: endpoints.recordClearance,
      url: `/api/v1/cases/${randomUUID()}/clearances`,
      data: { activity: "skydiving", clearedOn: "2026-01-01" },
      paths: ["activity"],
    },
    {
      name: "a return to the patient's own sport without naming it (OC-2)",
      endpoint: endpoints.recordActivityReturn,
      url: `/api/v1/cases/${randomUUID()}/activity-returns`,
      data: { activity: "sport", resumedOn: "2026-01-01" },
      paths: ["sport"],
    },
    {
      name: "a complication of kind 'other' without notes (OC-3)",
      endpoint: endpoints.recordComplication,
      url: `/api/v1/cases/${randomUUID()}/complications`,
      data: { occurredOn: "2026-01-01", kind: "other", grade: "I" },
      paths: ["notes"],
    },
    {
      name: "a cancellation without a reason",
      endpoint: endpoints.cancelCase,
      url: `/api/v1/cases/${randomUUID()}/cancel`,
      data: { reason: "" },
      paths: ["reason"],
    },
    {
      name: "a discharge with an impossible date",
      endpoint: endpoints.dischargeCase,
      url: `/api/v1/cases/${randomUUID()}/discharge`,
      data: { dischargedOn: "2026-02-30" },
      paths: ["dischargedOn"],
    },
    {
      name: "the outcomes of a case id that is not a UUID",
      endpoint: endpoints.getCaseOutcomes,
      url: "/api/v1/cases/42/outcomes",
      paths: ["id"],
    },
    {
      name: "a pain score above 10 at an unknown time point",
      endpoint: endpoints.recordPainScore,
      url: `/api/v1/cases/${randomUUID()}/pain-scores`,
      data: { recordedOn: "2026-01-01", score: 11, timepoint: "week_5" },
      paths: ["score", "timepoint"],
    },
    {
      name: "a booking of an unknown kind at a time without an offset",
      endpoint: endpoints.bookAppointment,
      url: "/api/v1/appointments",
      data: { caseId: randomUUID(), kind: "massage", start: "2030-01-01T10:00" },
      paths: ["kind", "start"],
    },
    {
      name: "a calendar query for a bad clinician id",
      endpoint: endpoints.listAppointments,
      url: "/api/v1/appointments?clinicianId=me",
      paths: ["clinicianId"],
    },
    {
      name: "a slot search without a case",
      endpoint: endpoints.findSlots,
      url: "/api/v1/appointments/slots?kind=physio&from=2030-01-01",
      paths: ["caseId"],
    },
    {
      name: "a freed theatre time without its room",
      endpoint: endpoints.theatreCandidates,
      url: "/api/v1/theatre-lists/candidates?start=2030-01-10T09:00:00Z&end=2030-01-10T10:30:00Z",
      paths: ["roomId"],
    },
    {
      name: "a move's slot search ending before it starts",
      endpoint: endpoints.findMoveSlots,
      url: `/api/v1/appointments/${randomUUID()}/slots?from=2030-01-10&to=2030-01-01`,
      paths: ["to"],
    },
    {
      name: "an appointment id that is not a UUID",
      endpoint: endpoints.getAppointment,
      url: "/api/v1/appointments/7",
      paths: ["id"],
    },
    {
      name: "a move without a reason",
      endpoint: endpoints.moveAppointment,
      url: `/api/v1/appointments/${randomUUID()}`,
      data: { start: "2030-01-01T10:00:00Z" },
      paths: ["reason"],
    },
    {
      name: "a cancellation of an appointment without a reason",
      endpoint: endpoints.cancelAppointment,
      url: `/api/v1/appointments/${randomUUID()}/cancel`,
      data: {},
      paths: ["reason"],
    },
    {
      name: "an attendance mark with an outcome it does not know",
      endpoint: endpoints.markAttendance,
      url: `/api/v1/appointments/${randomUUID()}/attendance`,
      data: { outcome: "late" },
      paths: ["outcome"],
    },
    {
      name: "a post-operative series at an impossible time",
      endpoint: endpoints.bookPostOperativeSeries,
      url: `/api/v1/cases/${randomUUID()}/appointment-series`,
      data: { dressingTime: "25:00" },
      paths: ["dressingTime"],
    },
    {
      name: "staff hours for an id that is not a UUID",
      endpoint: endpoints.getStaffHours,
      url: "/api/v1/staff/x/hours",
      paths: ["id"],
    },
    {
      name: "weekly hours that end before they start",
      endpoint: endpoints.setStaffHours,
      url: `/api/v1/staff/${randomUUID()}/hours`,
      data: { weekly: [{ weekday: 8, startsAt: "18:00", endsAt: "08:00" }] },
      paths: ["weekly.0.weekday", "weekly.0.endsAt"],
    },
    {
      name: "leave without a reason",
      endpoint: endpoints.addHoursException,
      url: `/api/v1/staff/${randomUUID()}/hour-exceptions`,
      data: { onDate: "2030-01-01" },
      paths: ["reason"],
    },
    {
      name: "a room of an unknown kind",
      endpoint: endpoints.createRoom,
      url: "/api/v1/rooms",
      data: { name: "Lab", kind: "lab" },
      paths: ["kind"],
    },
    {
      name: "room hours for an id that is not a UUID",
      endpoint: endpoints.getRoomHours,
      url: "/api/v1/rooms/x/hours",
      paths: ["id"],
    },
    {
      name: "room hours at an impossible time",
      endpoint: endpoints.setRoomHours,
      url: `/api/v1/rooms/${randomUUID()}/hours`,
      data: { weekly: [{ weekday: 1, startsAt: "8am", endsAt: "18:00" }] },
      paths: ["weekly.0.startsAt"],
    },
    {
      name: "a dressing record with an unknown wound state",
      endpoint: endpoints.recordDressing,
      url: `/api/v1/appointments/${randomUUID()}/dressing-record`,
      data: { woundState: "fine" },
      paths: ["woundState"],
    },
    {
      name: "a dressing record of an unbooked visit with notes too long",
      endpoint: endpoints.recordDressingVisit,
      url: `/api/v1/dressing-visits/${randomUUID()}/dressing-record`,
      data: { woundState: "clean_dry", notes: "x".repeat(2001) },
      paths: ["notes"],
    },
    {
      name: "a physiotherapy record without notes",
      endpoint: endpoints.recordPhysioSession,
      url: `/api/v1/appointments/${randomUUID()}/physio-record`,
      data: {},
      paths: ["notes"],
    },
    {
      name: "a dressing round for an impossible date",
      endpoint: endpoints.dressingRound,
      url: "/api/v1/dressing-round?date=2026-13-01",
      paths: ["date"],
    },
    {
      name: "waiting list figures for a priority that does not exist and a surgeon id that is not one",
      endpoint: endpoints.waitingListSummary,
      url: "/api/v1/waiting-list/summary?priority=P5&surgeonId=hart",
      paths: ["priority", "surgeonId"],
    },
    {
      name: "outcomes of a period that ends before it starts",
      endpoint: endpoints.outcomesReport,
      url: "/api/v1/analytics/outcomes?from=2026-05-01&to=2026-04-01",
      paths: ["to"],
    },
    {
      name: "an outcomes CSV from an impossible day, of an unknown table",
      endpoint: endpoints.exportOutcomes,
      url: "/api/v1/analytics/outcomes.csv?from=2026-02-30&table=patients",
      paths: ["from", "table"],
    },
    {
      name: "theatre lists for an impossible date",
      endpoint: endpoints.theatreLists,
      url: "/api/v1/theatre-lists?date=2026-02-30",
      paths: ["date"],
    },
    {
      name: "a theatre list order for an unknown session, with no arthroscopy and a theatre id that is not a UUID",
      endpoint: endpoints.reorderTheatreList,
      url: "/api/v1/theatre-lists/order",
      data: { roomId: "theatre-1", date: "2026-12-02", session: "evening", appointmentIds: [] },
      paths: ["roomId", "session", "appointmentIds"],
    },
    {
      name: "a replacement for a visit id that is not a UUID",
      endpoint: endpoints.replaceMissedDressing,
      url: `/api/v1/cases/${randomUUID()}/dressing-replacements`,
      data: { visitId: "yesterday" },
      paths: ["visitId"],
    },
    {
      name: "an acknowledgement without a note, naming one alert twice",
      endpoint: endpoints.acknowledgeAlert,
      url: `/api/v1/cases/${randomUUID()}/alert-acknowledgements`,
      data: { keys: ["crutches", "crutches"] },
      paths: ["keys", "note"],
    },
    {
      name: "a calendar file for a case id that is not a UUID",
      endpoint: endpoints.caseCalendarFile,
      url: "/api/v1/cases/42/appointments.ics",
      paths: ["id"],
    },
    {
      name: "clinic policies with an odd dressing day and a missing length",
      endpoint: endpoints.setPolicies,
      url: "/api/v1/policies",
      data: {
        assessmentValidityDays: 90,
        dressingPlannedUntilDay: 15,
        physioFirstWithinDays: 7,
        durations: { consultation: 20 },
      },
      paths: [
        "dressingPlannedUntilDay",
        "durations.follow_up",
        "durations.imaging",
        "durations.injection",
        "durations.anaesthesia_assessment",
        "durations.arthroscopy",
        "durations.dressing",
        "durations.physio",
      ],
    },
    {
      name: "a staff account with an unknown role and a password chosen by the administrator (AC-2)",
      endpoint: endpoints.createStaff,
      url: "/api/v1/staff",
      data: { email: "new@demo.clinic", name: "New", role: "porter", password: "a long enough password" },
      paths: ["role", ""],
    },
    {
      name: "a set-password link for a staff id that is not a UUID",
      endpoint: endpoints.issuePasswordLink,
      url: "/api/v1/staff/x/password-links",
      paths: ["id"],
    },
    {
      name: "a patient-page link for a patient id that is not a UUID",
      endpoint: endpoints.issuePortalLink,
      url: "/api/v1/patients/x/portal-links",
      paths: ["id"],
    },
    {
      name: "patient-page links listed with a limit past the maximum",
      endpoint: endpoints.listPortalLinks,
      url: `/api/v1/patients/${randomUUID()}/portal-links?limit=1000`,
      paths: ["limit"],
    },
    {
      name: "a patient-page link withdrawn by an id that is not a UUID",
      endpoint: endpoints.revokePortalLink,
      url: "/api/v1/portal-links/x",
      paths: ["id"],
    },
    {
      name: "a set-password request without a token and with a short password",
      endpoint: endpoints.setPassword,
      url: "/api/v1/set-password",
      data: { token: "", password: "short" },
      paths: ["token", "password"],
    },
    {
      name: "a staff change to an unknown role",
      endpoint: endpoints.updateStaff,
      url: `/api/v1/staff/${randomUUID()}`,
      data: { role: "porter" },
      paths: ["role"],
    },
    {
      name: "an audit query with a bad instant",
      endpoint: endpoints.listAuditEvents,
      url: "/api/v1/audit-events?from=yesterday",
      paths: ["from"],
    },
    {
      name: "an audit export with a bad instant",
      endpoint: endpoints.exportAuditEvents,
      url: "/api/v1/audit-events.csv?from=yesterday",
      paths: ["from"],
    },
    {
      name: "a waiting list page of an unknown priority",
      endpoint: endpoints.listWaitingList,
      url: "/api/v1/waiting-list?priority=P5&limit=0",
      paths: ["priority", "limit"],
    },
    {
      name: "a waiting list export of a surgeon who is not an id",
      endpoint: endpoints.exportWaitingList,
      url: "/api/v1/waiting-list.csv?surgeonId=someone",
      paths: ["surgeonId"],
    },
    {
      name: "a compliance report of a period ending before it starts (OC-5)",
      endpoint: endpoints.complianceReport,
      url: "/api/v1/analytics/compliance?from=2026-03-02&to=2026-03-01",
      paths: ["to"],
    },
    {
      name: "a compliance export from a day that does not exist",
      endpoint: endpoints.exportCompliance,
      url: "/api/v1/analytics/compliance.csv?from=2026-02-30",
      paths: ["from"],
    },
    {
      name: "a stage-waits export to a day that is not a date",
      endpoint: endpoints.exportStageWaits,
      url: "/api/v1/analytics/stage-waits.csv?to=someday",
      paths: ["to"],
    },
    {
      name: "a leave removal from a day that is not a date",
      endpoint: endpoints.removeHoursExceptions,
      url: `/api/v1/staff/${randomUUID()}/hour-exceptions?onDate=someday`,
      paths: ["onDate"],
    },
    {
      name: "a leave clash preview from a day that is not a date",
      endpoint: endpoints.leaveClashes,
      url: `/api/v1/staff/${randomUUID()}/hour-exceptions/clashes?onDate=someday`,
      paths: ["onDate"],
    },
    {
      name: "a list of move requests of a status that does not exist",
      endpoint: endpoints.listMoveRequests,
      url: "/api/v1/move-requests?status=pending&limit=0",
      paths: ["status", "limit"],
    },
    {
      name: "a move request closed with an unknown outcome",
      endpoint: endpoints.handleMoveRequest,
      url: `/api/v1/move-requests/${randomUUID()}/handled`,
      data: { outcome: "moved", response: 5 },
      paths: ["outcome", "response"],
    },
    {
      name: "an outbox page of an unknown state, for a patient who is not an id",
      endpoint: endpoints.listMessages,
      url: "/api/v1/messages?status=lost&patientId=P000001",
      paths: ["status", "patientId"],
    },
    {
      name: "a retry of a message that is not an id",
      endpoint: endpoints.retryMessage,
      url: "/api/v1/messages/not-a-message/retry",
      paths: ["id"],
    },
    {
      name: "a handled mark on a message that is not an id",
      endpoint: endpoints.markMessageHandled,
      url: "/api/v1/messages/not-a-message/handled",
      paths: ["id"],
    },
    {
      name: "a recovery plan message for a case that is not an id",
      endpoint: endpoints.sendPlanMessage,
      url: "/api/v1/cases/not-a-case/plan-message",
      paths: ["id"],
    },
  ];

  for (const { name, endpoint, url, data, paths } of malformed) {
    test(`${name} gets 400 with the field paths and writes nothing`, async () => {
      const role = endpoint.action ? roles.find((r) => isAllowed(r, endpoint.action!))! : null;
      const admin = clients.get("admin")!;
      const before = await newestAuditId(admin);
      const response = await call(clients.get(role)!, endpoint, url, data);
      expect(response.status()).toBe(400);
      expect(response.headers()["content-type"]).toContain("application/problem+json");
      const problem = await response.json();
      expect(problem).toMatchObject({ status: 400, code: "VALIDATION", title: "Bad Request" });
      expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort());
      expect(await newestAuditId(admin)).toBe(before);
    });
  }

  test("a body that is not JSON gets 400", async () => {
    const response = await clients
      .get("reception")!
      .post("/api/v1/patients", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
    expect(response.status()).toBe(400);
    expect((await response.json()).errors).toEqual([{ path: "", message: "The body is not valid JSON" }]);
  });

  test("every endpoint with a body or query refuses malformed input: the catalogue is covered", () => {
    const covered = new Set(malformed.map((m) => m.endpoint.path + m.endpoint.method));
    const needing = catalogue.filter((e) => e.body || e.query || e.params);
    expect(needing.filter((e) => !covered.has(e.path + e.method)).map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  test("a body over 100 kB is refused with 413 and writes nothing", async () => {
    const admin = clients.get("admin")!;
    const before = await newestAuditId(admin);
    const response = await clients.get("reception")!.post("/api/v1/patients", {
      data: { givenName: "A".repeat(110 * 1024), familyName: "Big", birthDate: "1990-01-01", sex: "female" },
    });
    expect(response.status()).toBe(413);
    expect((await response.json()).code).toBe("PAYLOAD_TOO_LARGE");
    expect(await newestAuditId(admin)).toBe(before);
  });
});

test.describe("API plumbing", () => {
  test("a POST repeated with the same Idempotency-Key returns the first response and creates nothing new", async () => {
    const reception = clients.get("reception")!;
    const key = randomUUID();
    const familyName = `Idem${randomUUID().slice(0, 8)}`;
    const body = { givenName: "Once", familyName, birthDate: "1970-01-01", sex: "male" };
    const first = await reception.post("/api/v1/patients", { data: body, headers: { "idempotency-key": key } });
    const second = await reception.post("/api/v1/patients", { data: body, headers: { "idempotency-key": key } });
    expect(first.status()).toBe(201);
    expect(second.status()).toBe(201);
    expect(second.headers()["idempotent-replayed"]).toBe("true");
    expect((await second.json()).id).toBe((await first.json()).id);
    const found = await (await reception.get(`/api/v1/patients?q=${familyName}`)).json();
    expect(found.items).toHaveLength(1);
    const reused = await reception.post("/api/v1/patients", {
      data: { ...body, givenName: "Other" },
      headers: { "idempotency-key": key },
    });
    expect(reused.status()).toBe(422);
  });

  test("GET /api/health checks the database", async () => {
    const response = await clients.get(null)!.get("/api/health");
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  test("every API answer carries X-Request-Id, a safe incoming one echoed, and a problem body the same requestId", async () => {
    const reception = clients.get("reception")!;
    const found = await reception.get("/api/v1/staff", { headers: { "x-request-id": "e2e-trace.1" } });
    expect(found.status()).toBe(200);
    expect(found.headers()["x-request-id"]).toBe("e2e-trace.1");
    const missing = await reception.get(`/api/v1/patients/${randomUUID()}`, { headers: { "x-request-id": "a b" } });
    expect(missing.status()).toBe(404);
    const id = missing.headers()["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await missing.json()).requestId).toBe(id);
  });

  test("the OpenAPI 3.1 document lists every endpoint", async () => {
    const document = await (await clients.get(null)!.get("/api/v1/openapi.json")).json();
    expect(document.openapi).toBe("3.1.0");
    for (const endpoint of catalogue)
      expect(document.paths[endpoint.path]?.[endpoint.method], endpoint.path).toBeTruthy();
    expect(document.components.schemas.PatientInput.required).toEqual(
      expect.arrayContaining(["givenName", "familyName", "birthDate", "sex"]),
    );
    // The live answers are held to this document in e2e/openapi.spec.ts.
  });

  test("every patient read leaves an audit row naming the actor and the patient", async () => {
    const surgeon = clients.get("surgeon")!;
    const admin = clients.get("admin")!;
    const found = await (await surgeon.get("/api/v1/patients?q=lambert")).json();
    const patient = found.items[0];
    await surgeon.get(`/api/v1/patients/${patient.id}`);
    const session = await (await surgeon.get("/api/auth/session")).json();
    const events = await (
      await admin.get(`/api/v1/audit-events?patientId=${patient.id}&actorId=${session.staffId}`)
    ).json();
    expect(events.items.map((e: { action: string }) => e.action).slice(0, 2)).toEqual([
      "patient.read",
      "patient.search",
    ]);
  });
});
