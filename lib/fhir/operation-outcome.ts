import type { OperationOutcome } from "@medplum/fhirtypes";
import { localSystem } from "./terminology";

/** An error's kind (lib/domain/errors.ts, lib/http/errors.ts) as an OperationOutcome issue code (FHIR R4 IssueType). */
const issueCodeOfKind: Record<string, OperationOutcome["issue"][number]["code"]> = {
  invalid: "invalid",
  unauthenticated: "login",
  forbidden: "forbidden",
  not_found: "not-found",
  conflict: "conflict",
  rule: "business-rule",
  payload_too_large: "too-long",
  unsupported_media_type: "not-supported",
  too_many_requests: "throttled",
  unavailable: "transient",
  internal: "exception",
  method_not_allowed: "not-supported",
};

/**
 * An error as FHIR R4 OperationOutcome: one issue per field at fault (`expression` the search
 * parameter's name), else one issue with the message; `code` (e.g. NOT_FOUND) in `details.coding`
 * is the same code the /api/v1 problem answers carry.
 */
export function operationOutcome(error: {
  kind: string;
  code: string;
  message: string;
  errors?: { path: string; message: string }[];
}): OperationOutcome {
  const code = issueCodeOfKind[error.kind] ?? "exception";
  const severity = code === "exception" || code === "transient" ? "fatal" : "error";
  const details = (text: string) => ({
    coding: [{ system: localSystem("error-code"), code: error.code }],
    text,
  });
  const issue = error.errors?.length
    ? error.errors.map((e) => ({
        severity,
        code,
        details: details(e.message),
        ...(e.path ? { expression: [e.path] } : {}),
      }))
    : [{ severity, code, details: details(error.message) }];
  return {
    resourceType: "OperationOutcome",
    issue,
  } as OperationOutcome;
}
