// The browser's client builds each call from the catalogue's endpoint: the path with its
// parameters encoded, the query's given values, the method, the JSON body and the
// Idempotency-Key; a paged list is followed to its last page. Against a stand-in fetch that
// records what would be sent (the server's side is tested through the route handlers).
import { afterEach, describe, expect, it, vi } from "vitest";
import { api, apiAll, ApiError, urlOf } from "@/lib/http/client";
import { endpoints } from "@/lib/http/endpoints";

type Sent = { url: string; method: string; headers: Record<string, string>; body?: string };

/** Answers each fetch with the next of `answers`, and records what was sent. */
function stubFetch(...answers: { status: number; body: unknown }[]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
    sent.push({
      url,
      method: String(init.method),
      headers: init.headers as Record<string, string>,
      body: init.body as string | undefined,
    });
    const answer = answers.shift()!;
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe("the typed client", () => {
  it("fills the path's parameters, encoded, and appends only the query values given", () => {
    expect(urlOf(endpoints.reviewFirstLineCourse, { params: { id: "a/b", courseId: "c d" } })).toBe(
      "/api/v1/cases/a%2Fb/first-line-courses/c%20d/review",
    );
    expect(urlOf(endpoints.listCases, { query: { status: "referred", patientId: undefined, limit: 100 } })).toBe(
      "/api/v1/cases?status=referred&limit=100",
    );
    expect(urlOf(endpoints.recoveryBoard)).toBe("/api/v1/recovery-board");
  });

  it("sends the endpoint's method, the JSON body and the Idempotency-Key, and resolves to the answer", async () => {
    const sent = stubFetch({ status: 201, body: { id: "x" } });
    const answer = await api(endpoints.recordImaging, {
      params: { id: "case-1" },
      body: { modality: "mri", performedOn: "2026-01-05", findings: "Os trigonum", supportsDiagnosis: true },
      idempotencyKey: "key-1",
    });
    expect(answer).toEqual({ id: "x" });
    expect(sent).toEqual([
      {
        url: "/api/v1/cases/case-1/imaging",
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json", "idempotency-key": "key-1" },
        body: JSON.stringify({
          modality: "mri",
          performedOn: "2026-01-05",
          findings: "Os trigonum",
          supportsDiagnosis: true,
        }),
      },
    ]);
  });

  it("rejects a refusal with an ApiError carrying the problem", async () => {
    stubFetch({ status: 422, body: { status: 422, code: "DX-3", detail: "Not yet." } });
    const refused = api(endpoints.getCase, { params: { id: "case-1" } });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ problem: { code: "DX-3" } });
  });

  it("follows a paged list's cursors to its last page, keeping the query", async () => {
    const sent = stubFetch(
      { status: 200, body: { items: [{ id: "1" }], nextCursor: "next page" } },
      { status: 200, body: { items: [{ id: "2" }], nextCursor: null } },
    );
    const all = await apiAll(endpoints.listCases, { query: { status: "referred" } });
    expect(all.items).toEqual([{ id: "1" }, { id: "2" }]);
    expect(sent.map((s) => s.url)).toEqual([
      "/api/v1/cases?status=referred",
      "/api/v1/cases?status=referred&cursor=next+page",
    ]);
  });
});
