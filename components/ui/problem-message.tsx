import { ApiError } from "@/lib/http/client";

/** A field path as staff read it: "durations.consultation" -> "durations, consultation", "clinicPhone" -> "clinic phone". */
const fieldName = (path: string) =>
  path
    .split(".")
    .map((part) => part.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase())
    .join(", ");

/**
 * An API refusal in plain words: for a 422 what was refused and why as the headline, the rule's ID and
 * text as a secondary reference; for a 400 each field's problem.
 */
export function ProblemMessage({ error }: { error: unknown }) {
  const problem = error instanceof ApiError ? error.problem : null;
  if (!problem) {
    return (
      <div role="alert" className="alert error">
        The request failed. Check the connection and try again.
      </div>
    );
  }
  if (problem.status === 401) {
    return (
      <div role="alert" className="alert error">
        Your session has ended. <a href="/login">Sign in again</a>
      </div>
    );
  }
  return (
    <div role="alert" className="alert error">
      {problem.status === 422 ? (
        <>
          <strong>{problem.detail}</strong>
          <div className="muted">
            Rule {problem.code}
            {problem.rule && problem.rule !== problem.detail && `: ${problem.rule}`}
          </div>
        </>
      ) : (
        problem.detail
      )}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path ? `${fieldName(e.path)}: ` : ""}
              {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
