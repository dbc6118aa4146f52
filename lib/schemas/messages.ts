// Plain words for the checks zod makes itself, shown to staff beside a form's fields and sent
// to API clients as a 400's field messages: zod's own ("Invalid option: expected one of
// \"female\"|\"male\"…", "Too small: expected string to have >=1 characters") are a
// programmer's. A schema's own message, where it gives one, still wins.
import { z } from "zod";
import type { $ZodRawIssue } from "zod/v4/core";

type Issue = $ZodRawIssue;

const expectedWords: Record<string, string> = {
  number: "Must be a number",
  int: "Must be a whole number",
  string: "Must be text",
  boolean: "Must be true or false",
  object: "Must be an object of named fields",
  array: "Must be a list",
};

const listed = (values: readonly unknown[]) => values.map(String).join(", ");

/** The staff-facing message of a zod issue, or undefined for zod's own. */
export function plainMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null) return "Required";
      return expectedWords[issue.expected];
    case "invalid_value":
      return `Choose one of: ${listed(issue.values)}`;
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? "Required" : `At least ${issue.minimum} characters`;
      if (issue.origin === "number") return `At least ${issue.minimum}`;
      return undefined;
    case "too_big":
      if (issue.origin === "string") return `At most ${issue.maximum} characters`;
      if (issue.origin === "number") return `At most ${issue.maximum}`;
      return undefined;
    default:
      return undefined;
  }
}

z.config({ customError: plainMessage });
