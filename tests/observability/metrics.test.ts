// Prometheus metrics on GET /api/metrics: per-route latency histograms and request counts, the
// database pool's connections and the process's own figures. Not public: an administrator's
// session, or the bearer token configured in METRICS_TOKEN; anyone else gets problem+json.
// First: it stands in for the session before next-auth loads.
import { call, callRoute, signInAs } from "../setup/routes";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createActor, testDatabase } from "../setup/db";

const prisma = testDatabase();
let admin: Actor;
let reception: Actor;
const token = "metrics-token-for-this-test-only-0123456789";

beforeAll(async () => {
  admin = await createActor(prisma, "admin");
  reception = await createActor(prisma, "reception");
});

afterEach(() => vi.unstubAllEnvs());

const metrics = (headers: Record<string, string> = {}) => call("get", "/api/metrics", { headers });

describe("GET /api/metrics", () => {
  it("refuses a signed-out request with 401 problem+json", async () => {
    await signInAs(prisma, null);
    const response = await metrics();
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect((await response.json()).code).toBe("UNAUTHENTICATED");
  });

  it("refuses staff who are not administrators with 403 problem+json", async () => {
    await signInAs(prisma, reception);
    const response = await metrics();
    expect(response.status).toBe(403);
    expect((await response.json()).code).toBe("FORBIDDEN");
  });

  it("answers an administrator in the text exposition format, with a histogram line for a route just called", async () => {
    await signInAs(prisma, reception);
    expect((await callRoute("get", "/api/v1/staff", {})).status).toBe(200);
    await signInAs(prisma, admin);
    const response = await metrics();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(
      /^http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/api\/v1\/staff",status="200"\} [1-9]/m,
    );
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/api\/v1\/staff",status="200"\} [1-9]/m);
    expect(text).toMatch(/^db_pool_connections\{state="total"\} \d+/m);
    expect(text).toMatch(/^db_pool_connections\{state="idle"\} \d+/m);
    expect(text).toMatch(/^db_pool_waiting_requests \d+/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it("counts a refused request under its status and the route's template, never the concrete path", async () => {
    await signInAs(prisma, admin);
    await callRoute("get", "/api/v1/staff/{id}/hours", { id: "not-a-uuid" });
    const text = await (await metrics()).text();
    expect(text).toMatch(/^http_requests_total\{method="GET",route="\/api\/v1\/staff\/\{id\}\/hours",status="400"\} /m);
    expect(text).not.toContain("not-a-uuid");
  });

  it("answers the configured bearer token without a session, and refuses a wrong one", async () => {
    vi.stubEnv("METRICS_TOKEN", token);
    await signInAs(prisma, null);
    const accepted = await metrics({ authorization: `Bearer ${token}` });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain("http_request_duration_seconds");
    expect((await metrics({ authorization: `Bearer ${token}x` })).status).toBe(401);
    expect((await metrics({ authorization: "Bearer " })).status).toBe(401);
    expect((await metrics({ authorization: token })).status).toBe(401);
  });

  it("accepts no bearer token at all while METRICS_TOKEN is not set", async () => {
    vi.stubEnv("METRICS_TOKEN", "");
    await signInAs(prisma, null);
    expect((await metrics({ authorization: "Bearer " })).status).toBe(401);
    expect((await metrics({ authorization: "Bearer undefined" })).status).toBe(401);
  });
});
