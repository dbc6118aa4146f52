// Prometheus metrics of this process (prom-client): every API request's latency and count by
// method, route template and status; the database pool's connections; Node's own process
// figures. Served in the text exposition format by GET /api/metrics (app/api/metrics/route.ts).
// Labels are bounded: a route is its catalogue template (`/api/v1/patients/{id}`), never the
// concrete path, so neither ids nor query text reach the metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { poolStats } from "@/lib/db/client";

type Metrics = {
  registry: Registry;
  duration: Histogram<"method" | "route" | "status">;
  requests: Counter<"method" | "route" | "status">;
};

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ["method", "route", "status"] as const;
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "API request latency in seconds, from the handler's start to its answer",
    labelNames,
    // From a cached read to a slow write: 2.5 ms to 5 s.
    buckets: [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const requests = new Counter({
    name: "http_requests_total",
    help: "API requests answered",
    labelNames,
    registers: [registry],
  });
  new Gauge({
    name: "db_pool_connections",
    help: "Connections of the database pool: all open ones (total) and those free (idle)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const stats = poolStats();
      this.set({ state: "total" }, stats.total);
      this.set({ state: "idle" }, stats.idle);
    },
  });
  new Gauge({
    name: "db_pool_waiting_requests",
    help: "Queries waiting for a free connection of the database pool",
    registers: [registry],
    collect() {
      this.set(poolStats().waiting);
    },
  });
  return { registry, duration, requests };
}

// One registry per process: a second one after a Next.js hot reload would register every
// metric twice and lose the counts so far.
const globalForMetrics = globalThis as unknown as { clinicMetrics?: Metrics };

function metrics(): Metrics {
  globalForMetrics.clinicMetrics ??= createMetrics();
  return globalForMetrics.clinicMetrics;
}

/** Counts one answered API request and its latency (`seconds`) under `method` (GET), `route` (template) and `status`. */
export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  const labels = { method, route, status: String(status) };
  const { duration, requests } = metrics();
  duration.observe(labels, seconds);
  requests.inc(labels);
}

/** Every metric in the Prometheus text exposition format, and its content type. */
export async function metricsText(): Promise<{ text: string; contentType: string }> {
  const { registry } = metrics();
  return { text: await registry.metrics(), contentType: registry.contentType };
}
