// The handler wrapper holds every JSON answer to its endpoint's declared response schema outside
// production: a wrong shape or an undeclared field is a 500 (so the test that made the call
// fails), and production sends the answer unchecked. Through handle() with a stand-in endpoint
// open to anyone, so no session or database is involved.
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { handle } from "@/lib/http/handler";
import type { Endpoint } from "@/lib/http/endpoints";

const endpoint = {
  method: "get",
  path: "/api/v1/example",
  action: null,
  summary: "An example",
  response: z.object({
    id: z.string(),
    tags: z.array(z.object({ name: z.string() })),
    note: z.string().nullable().default(null),
  }),
} satisfies Endpoint;

const answer = (result: unknown) =>
  handle(endpoint, async () => result)(new Request("http://clinic.test/api/v1/example"));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("the declared response schema as a contract", () => {
  it("sends an answer of the declared shape as it is, a default the schema would fill left out", async () => {
    const response = await answer({ id: "a", tags: [{ name: "x" }] });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: "a", tags: [{ name: "x" }] });
  });

  it("answers 500 for a field of the wrong type, naming its path and not its value", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await answer({ id: "a", tags: [{ name: 7 }] });
    expect(response.status).toBe(500);
    expect((await response.json()).code).toBe("INTERNAL");
    const logged = log.mock.calls.map((call) => call.join(" ")).join("\n");
    expect(logged).toContain("GET /api/v1/example answered outside its declared response schema: tags.0.name");
    expect(logged).not.toContain("7");
  });

  it("answers 500 for a field the schema does not declare, however deep", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect((await answer({ id: "a", tags: [], passwordHash: "x" })).status).toBe(500);
    expect((await answer({ id: "a", tags: [{ name: "x", secret: "y" }] })).status).toBe(500);
    const logged = log.mock.calls.map((call) => call.join(" ")).join("\n");
    expect(logged).toContain("passwordHash: not declared");
    expect(logged).toContain("tags.0.secret: not declared");
  });

  it("does not check in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const response = await answer({ id: "a", tags: [{ name: 7 }] });
    expect(response.status).toBe(200);
  });
});
