import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ruleCatalogue } from "@/lib/domain/rules";
import { uuid } from "@/lib/schemas/common";
import { endpoints, type Endpoint } from "./endpoints";
import { maxBodyBytes } from "./handler";
import { appointmentKinds, resourceKinds } from "@/lib/domain/vocabulary";

// Problem bodies (RFC 9457), as lib/http/problem.ts writes them: the same six fields on every
// error, plus what one kind of error carries. Each status has its own schema, so that `status`
// and `code` say exactly what a client can meet there.
const fieldErrors = z.array(
  z.object({
    path: z
      .string()
      .meta({ description: "The field's path, dot-separated (`weekly.0.endsAt`); empty for the body as a whole" }),
    message: z.string(),
  }),
);

/** A refused move (SC-1, SC-2): the free times nearest the one asked that the appointment could take. */
const nearest = z
  .array(z.object({ start: z.string(), end: z.string() }))
  .max(3)
  .optional()
  .meta({ description: "Moves: the nearest free times the appointment could take instead" });

const problemOf = <S extends number>(status: S, code: z.ZodType<string>) =>
  z.strictObject({
    type: z.string().meta({ description: "`about:blank#` and the code" }),
    title: z.string().meta({ description: "The status's reason phrase" }),
    status: z.literal(status),
    detail: z.string().meta({ description: "What went wrong, in words staff understand" }),
    code,
    requestId: z.string().meta({ description: "The request's id, as in the X-Request-Id header and the server's log" }),
  });

const ruleIds = Object.keys(ruleCatalogue) as [keyof typeof ruleCatalogue, ...(keyof typeof ruleCatalogue)[]];

const problems = {
  400: problemOf(400, z.literal("VALIDATION"))
    .extend({ errors: fieldErrors.min(1) })
    .meta({ id: "ValidationProblem" }),
  401: problemOf(401, z.literal("UNAUTHENTICATED")).meta({ id: "UnauthenticatedProblem" }),
  403: problemOf(403, z.literal("FORBIDDEN")).meta({ id: "ForbiddenProblem" }),
  404: problemOf(404, z.literal("NOT_FOUND"))
    .extend({
      errors: fieldErrors
        .optional()
        .meta({ description: "The field that named the missing record, when it came from the body" }),
    })
    .meta({ id: "NotFoundProblem" }),
  409: problemOf(409, z.enum(["SC-1", "CONFLICT", "IDEMPOTENCY_IN_PROGRESS"]))
    .extend({
      errors: fieldErrors.optional().meta({
        description:
          "CONFLICT: the field whose value another record already holds (a staff email, a patient's NHS number)",
      }),
      conflicts: z
        .array(
          z.object({
            appointmentId: uuid,
            resource: z.enum(resourceKinds),
            name: z.string().optional().meta({ description: "The person's or room's name (never the patient's)" }),
            kind: z.enum(appointmentKinds).optional(),
            start: z.string().optional(),
            end: z.string().optional(),
          }),
        )
        .optional()
        .meta({
          description:
            "SC-1: the booked appointments in the way, and whose time they hold (empty when every candidate is booked)",
        }),
      nearest,
    })
    .meta({ id: "ConflictProblem" }),
  413: problemOf(413, z.literal("PAYLOAD_TOO_LARGE")).meta({ id: "PayloadTooLargeProblem" }),
  415: problemOf(415, z.literal("UNSUPPORTED_MEDIA_TYPE")).meta({ id: "UnsupportedMediaTypeProblem" }),
  422: problemOf(422, z.enum([...ruleIds, "IDEMPOTENCY_KEY_REUSED"]))
    .extend({
      rule: z.string().optional().meta({ description: "The rule's text from the catalogue, when a rule refused it" }),
      nearest,
    })
    .meta({ id: "RuleProblem" }),
  500: problemOf(500, z.literal("INTERNAL")).meta({ id: "InternalProblem" }),
  503: problemOf(503, z.literal("DATABASE_UNAVAILABLE")).meta({ id: "UnavailableProblem" }),
};
type ProblemStatus = keyof typeof problems;

/**
 * What each endpoint's service answers besides success, on top of what lib/http/handler.ts
 * answers for every endpoint of its shape (see `responsesOf`). Keyed by the catalogue, so a new
 * endpoint does not compile until it says what it can refuse.
 */
type Refusals = {
  404?: string;
  409?: string;
  /** A protocol rule can refuse it: 422 with the rule's ID as the code. */
  rules?: true;
  503?: string;
};
const theCase: Refusals = { 404: "The case was not found", rules: true };
const refusals: Record<keyof typeof endpoints, Refusals> = {
  health: { 503: "The database does not answer" },
  metrics: {},
  listStaff: {},
  listRooms: {},
  createStaff: { 409: "An account with this email already exists (`CONFLICT`)" },
  issuePasswordLink: { 404: "The staff member was not found" },
  setPassword: { 404: "The link is not known", rules: true },
  updateStaff: { 404: "The staff member was not found", rules: true },
  getStaffHours: { 404: "The staff member was not found" },
  setStaffHours: { 404: "The staff member was not found" },
  addHoursException: {
    404: "The staff member was not found",
    rules: true, // SC-2 with `clashes` when bookings fall outside the hours and they are not confirmed
  },
  removeHoursExceptions: { 404: "The staff member was not found, or nothing is recorded on those days" },
  leaveClashes: { 404: "The staff member was not found" },
  createRoom: { 409: "The site already has a room of this name (`CONFLICT`)" },
  getRoomHours: { 404: "The room was not found" },
  setRoomHours: { 404: "The room was not found" },
  registerPatient: {},
  searchPatients: {},
  checkDuplicatePatients: {},
  getPatient: { 404: "The patient was not found" },
  updatePatient: { 404: "The patient was not found" },
  createCase: { 404: "The patient was not found; `errors` names `patientId`", rules: true },
  listCases: {},
  getCase: { 404: "The case was not found" },
  recordImaging: theCase,
  recordDiagnosticInjection: theCase,
  startFirstLineCourse: theCase,
  reviewFirstLineCourse: { 404: "The case, or this first-line course of it, was not found", rules: true },
  listForSurgery: theCase,
  changeListingPriority: theCase,
  recordAnaesthesiaAssessment: theCase,
  recordOperation: theCase,
  getCarePlan: { 404: "The case was not found, or its operation is not recorded yet" },
  sendPlanMessage: theCase,
  recordCrutchWeaning: theCase,
  recordClearance: theCase,
  listActivityReturns: { 404: "The case was not found" },
  recordActivityReturn: theCase,
  listComplications: { 404: "The case was not found" },
  recordComplication: theCase,
  cancelCase: theCase,
  dischargeCase: theCase,
  getCaseOutcomes: { 404: "The case was not found" },
  recordPainScore: theCase,
  bookAppointment: {
    404: "The case, a clinician or room named for the booking at the case's site, or the case's dressing visit or physiotherapy session named for it (`errors` names the field) was not found",
    409: "SC-1: someone or something is already booked at that time (`conflicts` lists the appointments in the way); or the dressing visit or physiotherapy session named for it is already booked (`CONFLICT`)",
    rules: true,
  },
  listAppointments: {},
  findSlots: { 404: "The case was not found", rules: true },
  theatreCandidates: {
    404: "The room was not found at the site",
    409: "The theatre is already booked during that time (`SC-1`)",
    rules: true, // SC-3 when the room is no theatre, SC-2 when it is closed then
  },
  findMoveSlots: { 404: "The appointment was not found", rules: true },
  getAppointment: { 404: "The appointment was not found" },
  moveAppointment: {
    404: "The appointment was not found",
    409: "SC-1: someone or something is already booked at the new time (`conflicts` lists the appointments in the way)",
    rules: true,
  },
  cancelAppointment: { 404: "The appointment was not found", rules: true },
  markAttendance: { 404: "The appointment was not found", rules: true },
  bookPostOperativeSeries: theCase,
  recordDressing: { 404: "The dressing appointment was not found", rules: true },
  recordDressingVisit: { 404: "The dressing visit was not found", rules: true },
  recordPhysioSession: { 404: "The physiotherapy appointment was not found", rules: true },
  dressingRound: {},
  recoveryBoard: {},
  waitingListSummary: {},
  complianceReport: {},
  theatreLists: {},
  reorderTheatreList: {
    404: "The theatre was not found at the staff member's site (`errors` names `roomId`)",
    409: "The list changed since it was read: its `version` is no longer the one sent (`CONFLICT`)",
    rules: true,
  },
  replaceMissedDressing: { 404: "The case, or this dressing visit of it, was not found", rules: true },
  acknowledgeAlert: {
    404: "The case was not found, or has no alert with one of these keys now (`errors` names each, as `keys.<index>`); nothing is acknowledged",
  },
  caseCalendarFile: { 404: "The case was not found" },
  getPolicies: {},
  setPolicies: {},
  listAuditEvents: {},
  exportAuditEvents: {},
  listWaitingList: {},
  outcomesReport: {},
  exportOutcomes: {},
  exportWaitingList: {},
  exportCompliance: {},
  exportStageWaits: {},
  listMoveRequests: {},
  handleMoveRequest: {
    404: "The request was not found",
    409: "The request has already been handled (`CONFLICT`)",
  },
  listMessages: {},
  retryMessage: {
    404: "The message was not found",
    409: "The message is not failed (`MESSAGE_NOT_FAILED`): only a failed message is tried again; or it held a patient-page link, whose token is not kept (`MESSAGE_LINK_GONE`): make a new link",
  },
  markMessageHandled: {
    404: "The message was not found",
    409: "The message is not failed (`MESSAGE_NOT_FAILED`) or is already handled (`MESSAGE_HANDLED`)",
  },
  issuePortalLink: { 404: "The patient was not found" },
  listPortalLinks: { 404: "The patient was not found" },
  revokePortalLink: { 404: "The link was not found" },
};

const problem = (status: ProblemStatus, ...why: (string | false | undefined)[]): ResponseConfig => ({
  description: why.filter(Boolean).join("; or "),
  content: { "application/problem+json": { schema: problems[status] } },
});

const replayed: ResponseConfig["headers"] = {
  "Idempotent-Replayed": {
    description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key",
    schema: { type: "string", enum: ["true"] },
  },
};

/** The successes that are not JSON. */
const files: Partial<Record<keyof typeof endpoints, ResponseConfig>> = {
  metrics: {
    description: "Prometheus text exposition format (version 0.0.4)",
    content: { "text/plain": { schema: { type: "string" } } },
  },
  caseCalendarFile: {
    description: "The case's appointments as an iCalendar file (METHOD:PUBLISH; cancelled ones as STATUS:CANCELLED)",
    content: { "text/calendar": { schema: { type: "string" } } },
    headers: {
      "Content-Disposition": { description: "An attachment named appointments.ics", schema: { type: "string" } },
    },
  },
  exportAuditEvents: {
    description:
      "CSV (RFC 4180, UTF-8, a header row): when, staff member, action in words, patient, MRN, patients shown, record",
    content: { "text/csv": { schema: { type: "string" } } },
    headers: {
      "Content-Disposition": { description: "An attachment named audit-trail.csv", schema: { type: "string" } },
    },
  },
  exportOutcomes: {
    description:
      "CSV (RFC 4180, UTF-8, a header row) of the table asked for: pain (time point, patients, quartiles), improvement (time point, important difference, improved, measured, share), returns (activity, returned, median days, operated, followed to and back by the running milestone) or complications (kind, grade, complications, operations, per 100 operations); counts only",
    content: { "text/csv": { schema: { type: "string" } } },
    headers: {
      "Content-Disposition": { description: "An attachment named outcomes-<table>.csv", schema: { type: "string" } },
    },
  },
  exportWaitingList: {
    description:
      "CSV (RFC 4180, UTF-8, a header row): priority, patient, MRN, listed on, days waiting, breach date, priority due, assessment valid until, admission, arthroscopy booked (UTC)",
    content: { "text/csv": { schema: { type: "string" } } },
    headers: {
      "Content-Disposition": { description: "An attachment named waiting-list.csv", schema: { type: "string" } },
    },
  },
  exportCompliance: {
    description:
      "CSV (RFC 4180, UTF-8, a header row): rule, measure, eligible, met, share met (%), cases behind, longest gap (days, PO-3)",
    content: { "text/csv": { schema: { type: "string" } } },
    headers: {
      "Content-Disposition": { description: "An attachment named compliance.csv", schema: { type: "string" } },
    },
  },
  exportStageWaits: {
    description: "CSV (RFC 4180, UTF-8, a header row): stage, cases, median days, 90th percentile days",
    content: { "text/csv": { schema: { type: "string" } } },
    headers: {
      "Content-Disposition": { description: "An attachment named stage-waits.csv", schema: { type: "string" } },
    },
  },
};

/** Every status the endpoint answers: the handler's for its shape, and its service's refusals. */
function responsesOf(name: keyof typeof endpoints, e: Endpoint): RouteConfig["responses"] {
  const refused = refusals[name];
  // A POST with Idempotency-Key runs once per staff member and key (lib/http/idempotency.ts).
  const idempotent = e.method === "post" && e.action !== null;
  const success: ResponseConfig = files[name] ?? {
    description: "Success",
    content: e.response ? { "application/json": { schema: e.response } } : undefined,
    headers: idempotent ? replayed : undefined,
  };
  const responses: RouteConfig["responses"] = { [e.status ?? 200]: success };
  if (e.params || e.query || e.body || idempotent) {
    responses[400] = problem(
      400,
      "Malformed input: `errors` has the field paths",
      idempotent && "an Idempotency-Key over 200 characters",
    );
  }
  // lib/http/own-origin.ts: a browser's state change must come from the app's own origin.
  const fromAnotherOrigin = e.method !== "get" && "the request's Origin is not the app's own";
  if (e.action) {
    responses[401] = problem(401, "Not signed in, or the session has ended");
    responses[403] = problem(403, "The role may not do this", fromAnotherOrigin);
  } else if (fromAnotherOrigin) {
    responses[403] = problem(403, fromAnotherOrigin);
  }
  if (refused[404]) responses[404] = problem(404, refused[404]);
  if (refused[409] || idempotent) {
    responses[409] = problem(
      409,
      refused[409],
      idempotent &&
        "the first request with this Idempotency-Key was still running after a repeat waited 30 s for its answer (`IDEMPOTENCY_IN_PROGRESS`)",
    );
  }
  if (e.body) {
    responses[413] = problem(413, `The body is larger than ${maxBodyBytes} bytes`);
    responses[415] = problem(415, "The body is not declared `application/json`");
  }
  if (refused.rules || idempotent) {
    responses[422] = problem(
      422,
      refused.rules && "A protocol rule refused it: `code` is the rule's ID and `rule` its text",
      idempotent && "this Idempotency-Key was used for a different request (`IDEMPOTENCY_KEY_REUSED`)",
    );
  }
  responses[500] = problem(500, "Something unexpected went wrong; the answer carries no details");
  if (refused[503]) responses[503] = problem(503, refused[503]);
  return responses;
}

const idempotencyKey = z.object({
  "Idempotency-Key": z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Runs the request once per staff member and key: a repeat gets the first success again" }),
});

/** The OpenAPI 3.1 document, generated from the endpoint catalogue and its zod schemas. */
export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
  });
  registry.registerComponent("securitySchemes", "metricsToken", {
    type: "http",
    scheme: "bearer",
    description: "The METRICS_TOKEN the server is configured with, for a metrics scraper",
  });
  for (const [name, endpoint] of Object.entries(endpoints) as [keyof typeof endpoints, Endpoint][]) {
    type Request = NonNullable<RouteConfig["request"]>;
    registry.registerPath({
      method: endpoint.method,
      path: endpoint.path,
      summary: endpoint.summary,
      security: endpoint.action ? [{ session: [] }, ...(name === "metrics" ? [{ metricsToken: [] }] : [])] : [],
      request: {
        params: endpoint.params as Request["params"],
        query: endpoint.query as Request["query"],
        headers: endpoint.method === "post" && endpoint.action ? idempotencyKey : undefined,
        body: endpoint.body ? { content: { "application/json": { schema: endpoint.body } } } : undefined,
      },
      responses: responsesOf(name, endpoint),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Posterior ankle impingement pathway API",
      version: "1",
      description: "The API the clinic's web app uses; outside systems use the same one.",
    },
  });
}
