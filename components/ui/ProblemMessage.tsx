import { ApiError } from "@/lib/http/client";

/** An API refusal in plain words, with the field errors when the request was malformed. */
export function ProblemMessage({ error }: { error: unknown }) {
  const problem = error instanceof ApiError ? error.problem : null;
  return (
    <div role="alert" className="alert error">
      <p style={{ margin: 0 }}>
        {problem?.status === 401 ? "Your session has ended." : problem ? problem.detail : "The request failed. Check the connection and try again."}
        {problem && problem.status === 422 && <> (rule {problem.code})</>}
        {problem && problem.status === 401 && (
          <>
            {" "}
            <a href="/login">Sign in again</a>
          </>
        )}
      </p>
      {problem?.errors && problem.errors.length > 0 && (
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
