// Where a CPU profile's time went: the functions with the most self time, the most total time
// (self plus callees, recursion counted once), and self time summed per package or file.
//   npx tsx scripts/bench/profile-top.ts <file.cpuprofile> [count=25]
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The parts of V8's .cpuprofile format (Chrome DevTools protocol `Profiler.Profile`) read here. */
export type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
};

/** A function's or a package's time, in milliseconds. */
export type Entry = { name: string; where: string; selfMs: number; totalMs: number };

/**
 * The package a script belongs to: `next`, `@prisma/client` for node_modules paths (the last
 * node_modules in the path); `node:` for Node's own; the app's bundles by their file under
 * .next; "(vm)" for V8's pseudo-frames ((garbage collector), (program), (idle)).
 */
export function packageOf(url: string): string {
  if (!url) return "(vm)";
  if (url.startsWith("node:")) return "node:";
  const path = url.replace(/^file:\/\//, "");
  const parts = path.split("/node_modules/");
  if (parts.length > 1) {
    const rest = parts.at(-1)!.split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const next = path.indexOf("/.next/");
  return next >= 0 ? path.slice(next + 1) : path;
}

const keyOf = (frame: CpuProfile["nodes"][number]["callFrame"]) =>
  `${frame.functionName || "(anonymous)"} ${frame.url}:${frame.lineNumber + 1}`;

/**
 * Self and total time per function (same name, script and line), and self time per package.
 * Self time is the sampling intervals that ended in the function; total time adds the
 * intervals of everything it called, counting a recursive function once per sample.
 */
export function summarise(profile: CpuProfile): { functions: Entry[]; packages: Entry[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfOfNode = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfOfNode.set(id, (selfOfNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const functions = new Map<string, Entry>();
  const packages = new Map<string, Entry>();
  const entry = (map: Map<string, Entry>, key: string, name: string, where: string) => {
    let found = map.get(key);
    if (!found) map.set(key, (found = { name, where, selfMs: 0, totalMs: 0 }));
    return found;
  };
  // Walk the call tree from the root: a node's subtree time goes to each distinct function on its stack.
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const subtree = new Map<number, number>();
  const sizeOf = (id: number): number => {
    const node = byId.get(id)!;
    const total = (selfOfNode.get(id) ?? 0) + (node.children ?? []).reduce((sum, c) => sum + sizeOf(c), 0);
    subtree.set(id, total);
    return total;
  };
  const roots = profile.nodes.filter((n) => !childIds.has(n.id)).map((n) => n.id);
  for (const root of roots) sizeOf(root);
  const visit = (id: number, onStack: Set<string>) => {
    const node = byId.get(id)!;
    const frame = node.callFrame;
    const key = keyOf(frame);
    const fn = entry(
      functions,
      key,
      frame.functionName || "(anonymous)",
      `${packageOf(frame.url)}:${frame.lineNumber + 1}`,
    );
    const self = selfOfNode.get(id) ?? 0;
    fn.selfMs += self;
    const pkg = packageOf(frame.url);
    entry(packages, pkg, pkg, "").selfMs += self;
    const fresh = !onStack.has(key);
    if (fresh) {
      fn.totalMs += subtree.get(id)!;
      onStack.add(key);
    }
    for (const child of node.children ?? []) visit(child, onStack);
    if (fresh) onStack.delete(key);
  };
  for (const root of roots) visit(root, new Set());
  const totalMs = profile.timeDeltas.reduce((sum, d) => sum + d, 0) / 1000;
  return { functions: [...functions.values()], packages: [...packages.values()], totalMs };
}

const ms = (value: number) => value.toFixed(0).padStart(7);
const pct = (value: number, total: number) => `${((100 * value) / total).toFixed(1).padStart(5)}%`;

/** The report printed for a profile: top `count` by self time, by total time, and packages by self time. */
export function report(profile: CpuProfile, count = 25): string {
  const { functions, packages, totalMs } = summarise(profile);
  const lines: string[] = [`Profile: ${totalMs.toFixed(0)} ms sampled`];
  const table = (title: string, rows: Entry[], value: (e: Entry) => number) => {
    lines.push("", title, `${"ms".padStart(7)} ${"share".padStart(6)}  function (package:line)`);
    for (const e of rows.slice(0, count))
      lines.push(`${ms(value(e))} ${pct(value(e), totalMs)}  ${e.name}${e.where ? ` (${e.where})` : ""}`);
  };
  table(
    `Top ${count} functions by self time`,
    functions.sort((a, b) => b.selfMs - a.selfMs),
    (e) => e.selfMs,
  );
  table(
    `Top ${count} functions by total time`,
    functions.sort((a, b) => b.totalMs - a.totalMs),
    (e) => e.totalMs,
  );
  table(
    `Self time by package or file`,
    packages.sort((a, b) => b.selfMs - a.selfMs),
    (e) => e.selfMs,
  );
  return lines.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, count] = process.argv.slice(2);
  if (!file) {
    console.error("Usage: tsx scripts/bench/profile-top.ts <file.cpuprofile> [count]");
    process.exit(2);
  }
  console.log(report(JSON.parse(readFileSync(file, "utf8")) as CpuProfile, Number(count ?? 25)));
}
