// The tables `npm run bench:api` prints, as Markdown so they can go straight into the README.
import type { HttpResult, SqlResult } from "./api-load";

export type Measured = { name: string; http: HttpResult; floor?: SqlResult };

const n0 = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString("en-GB") : "–");
const ms = (value: number) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(1) : value.toFixed(0)) : "–");
/** A ratio as the issue states its goals: "0.52" when >= 0.1, else "1/28". */
const ratio = (value: number) =>
  !Number.isFinite(value) || value <= 0 ? "–" : value >= 0.1 ? value.toFixed(2) : `1/${Math.round(1 / value)}`;

/** "0", or the failures by status: "409×3 422×1". */
export const failuresOf = (failures: Record<string, number>) =>
  Object.entries(failures)
    .map(([status, count]) => `${status}×${count}`)
    .join(" ") || "0";

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** Each target: req/s, p50, p99, failures, its SQL floor, and its ratio to /api/health and to the floor. */
export function mainTable(results: Measured[]): string {
  const health = results.find((r) => r.name === "health")?.http.rps ?? NaN;
  return table(
    ["target", "req/s", "p50 ms", "p99 ms", "errors/non-2xx", "floor q/s", "floor p50 ms", "API/health", "API/SQL"],
    results.map((r) => [
      r.name,
      n0(r.http.rps),
      ms(r.http.p50),
      ms(r.http.p99),
      failuresOf(r.http.failures),
      r.floor ? n0(r.floor.qps) : "",
      r.floor ? ms(r.floor.p50) : "",
      r.name === "health" ? "1" : ratio(r.http.rps / health),
      r.floor ? ratio(r.http.rps / r.floor.qps) : "",
    ]),
  );
}

/** Each read's p50 and req/s at each number of appointments, and its p50 growth from the first size to the last. */
export function growthTable(bySize: Map<number, Measured[]>): string {
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  const names = [...new Set(sizes.flatMap((s) => bySize.get(s)!.map((m) => m.name)))];
  const at = (size: number, name: string) => bySize.get(size)!.find((m) => m.name === name);
  return table(
    ["read", ...sizes.map((s) => `${n0(s)}: p50 ms / req/s`), "p50 growth"],
    names.map((name) => {
      const first = at(sizes[0]!, name);
      const last = at(sizes.at(-1)!, name);
      return [
        name,
        ...sizes.map((s) => {
          const m = at(s, name);
          return m ? `${ms(m.http.p50)} / ${n0(m.http.rps)}` : "";
        }),
        first && last ? `${(last.http.p50 / first.http.p50).toFixed(2)}x` : "",
      ];
    }),
  );
}

/** Calendar and search through the balancer with one app process and with two. */
export function scaleTable(rows: { name: string; one: HttpResult; two: HttpResult }[]): string {
  return table(
    ["read", "1 process req/s", "p50 ms", "2 processes req/s", "p50 ms", "errors", "2/1"],
    rows.map((r) => [
      r.name,
      n0(r.one.rps),
      ms(r.one.p50),
      n0(r.two.rps),
      ms(r.two.p50),
      `${failuresOf(r.one.failures)} / ${failuresOf(r.two.failures)}`,
      `${(r.two.rps / r.one.rps).toFixed(2)}x`,
    ]),
  );
}
