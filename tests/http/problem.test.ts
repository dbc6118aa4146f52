import { describe, expect, it } from "vitest";
import {
  conflict,
  DomainError,
  domainErrorKinds,
  forbidden,
  notFound,
  notFoundBecause,
  ruleViolation,
  unauthenticated,
  validationError,
} from "@/lib/domain/errors";
import { edgeErrorKinds, internalError, payloadTooLarge, unavailable, unsupportedMediaType } from "@/lib/http/errors";
import { errorToResponse, httpOfKind, httpStatusOf, problemResponse } from "@/lib/http/problem";
import { withRequestContext } from "@/lib/observability/request-context";

// The API's statuses, written out independently of lib/http/problem.ts.
const expectedStatus = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rule: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
};

describe("one table maps an error's kind to its HTTP status", () => {
  const kinds = [...domainErrorKinds, ...edgeErrorKinds];

  it("gives every kind of error a status and a title, and has no row for a kind that does not exist", () => {
    for (const kind of kinds) {
      expect(Number.isInteger(httpOfKind[kind].status), kind).toBe(true);
      expect(httpOfKind[kind].title, kind).not.toBe("");
    }
    expect(Object.keys(httpOfKind).sort()).toEqual([...kinds].sort());
  });

  it("answers each kind with the API's status", () => {
    expect(Object.fromEntries(kinds.map((kind) => [kind, httpOfKind[kind].status]))).toEqual(expectedStatus);
  });

  it("keeps HTTP out of the domain's errors: they carry a kind and no status", () => {
    const error = ruleViolation("SX-4", "No day case without help at home.", "Rule text");
    expect(error.kind).toBe("rule");
    expect("status" in error).toBe(false);
  });

  it("gives each helper's error its kind, code and status", () => {
    const cases: [DomainError | ReturnType<typeof payloadTooLarge>, string, number][] = [
      [validationError([{ path: "name", message: "Required" }]), "VALIDATION", 400],
      [unauthenticated(), "UNAUTHENTICATED", 401],
      [forbidden(), "FORBIDDEN", 403],
      [notFound("The patient"), "NOT_FOUND", 404],
      [notFoundBecause("This case has no such alert."), "NOT_FOUND", 404],
      [conflict("SC-1", "Already booked at that time.", { conflicts: [] }), "SC-1", 409],
      [payloadTooLarge(10), "PAYLOAD_TOO_LARGE", 413],
      [unsupportedMediaType(), "UNSUPPORTED_MEDIA_TYPE", 415],
      [ruleViolation("SX-4", "No day case without help at home.", "Rule text"), "SX-4", 422],
      [internalError(), "INTERNAL", 500],
      [unavailable("DATABASE_UNAVAILABLE", "The database does not answer."), "DATABASE_UNAVAILABLE", 503],
    ];
    for (const [error, code, status] of cases)
      expect({ code: error.code, status: httpStatusOf(error) }).toEqual({ code, status });
  });
});

describe("problem+json", () => {
  it("answers a rule refusal as 422 problem+json with the rule's ID and text and the request's id", async () => {
    const response = await withRequestContext({ requestId: "r-1" }, async () =>
      problemResponse(ruleViolation("SX-4", "No day case without help at home.", "Rule text")),
    );
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("x-request-id")).toBe("r-1");
    expect(await response.json()).toEqual({
      type: "about:blank#SX-4",
      title: "Unprocessable Content",
      status: 422,
      detail: "No day case without help at home.",
      code: "SX-4",
      requestId: "r-1",
      rule: "Rule text",
    });
  });

  it("gives a problem written outside a request (proxy.ts) a new request id, in its body and header", async () => {
    const response = problemResponse(validationError([{ path: "path", message: "Not valid" }]));
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await response.json()).requestId).toBe(id);
  });

  it("answers a database's unique refusal as 409 CONFLICT and anything unknown as a 500 that says nothing of it", async () => {
    const unique = Object.assign(new Error("Unique constraint failed on (mrn)"), {
      name: "PrismaClientKnownRequestError",
      code: "P2002",
    });
    const duplicate = errorToResponse(unique, "POST /test");
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toMatchObject({ code: "CONFLICT", status: 409, title: "Conflict" });

    const unknown = errorToResponse(new TypeError("patient Ada Lovelace"), "GET /test");
    expect(unknown.status).toBe(500);
    const body = await unknown.json();
    expect(body).toMatchObject({ code: "INTERNAL", title: "Internal Server Error" });
    expect(JSON.stringify(body)).not.toContain("Ada");
  });
});
