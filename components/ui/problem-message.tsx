import { ApiError } from "@/lib/http/client";

/** An API refusal in plain words: the rule and its text for a 422, the field errors for a 400. */
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
          <strong>Refused by rule {problem.code}:</strong> {problem.detail}
          {problem.rule && problem.rule !== problem.detail && <div className="muted">{problem.rule}</div>}
        </>
      ) : (
        problem.detail
      )}
      {problem.errors && problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              {e.path || "request"}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
