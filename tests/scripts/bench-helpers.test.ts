import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderHaproxyConfig } from "@/scripts/bench/balancer";
import { packageOf, report, summarise, type CpuProfile } from "@/scripts/bench/profile-top";

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber });

// (root) -> handler -> parse (3 ms) ; handler (2 ms) ; (root) -> walk -> walk -> leaf (5 ms), walk (1 ms)
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)", ""), children: [2, 4] },
    { id: 2, callFrame: frame("handler", "file:///app/.next/server/chunks/route.js", 9), children: [3] },
    { id: 3, callFrame: frame("parse", "file:///app/node_modules/@prisma/client/runtime.js", 41) },
    { id: 4, callFrame: frame("walk", "file:///app/node_modules/zod/index.js"), children: [5] },
    { id: 5, callFrame: frame("walk", "file:///app/node_modules/zod/index.js"), children: [6] },
    { id: 6, callFrame: frame("leaf", "node:internal/util") },
  ],
  samples: [2, 2, 3, 3, 3, 6, 6, 6, 6, 6, 5],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe("the CPU profile summariser", () => {
  it("gives each function the time sampled in it (self) and in everything it called (total)", () => {
    const { functions, totalMs } = summarise(profile);
    const of = (name: string) => functions.find((f) => f.name === name)!;
    expect(totalMs).toBe(11);
    expect(of("handler")).toMatchObject({ selfMs: 2, totalMs: 5 });
    expect(of("parse")).toMatchObject({ selfMs: 3, totalMs: 3 });
    expect(of("leaf")).toMatchObject({ selfMs: 5, totalMs: 5 });
  });

  it("counts a recursive function's time once, not once per level of the recursion", () => {
    const walk = summarise(profile).functions.find((f) => f.name === "walk")!;
    expect(walk).toMatchObject({ selfMs: 1, totalMs: 6 });
  });

  it("sums self time by package: scoped packages, the app's bundles, Node's own, V8's pseudo-frames", () => {
    const packages = Object.fromEntries(summarise(profile).packages.map((p) => [p.name, p.selfMs]));
    expect(packages).toEqual({
      "(vm)": 0,
      ".next/server/chunks/route.js": 2,
      "@prisma/client": 3,
      zod: 1,
      "node:": 5,
    });
  });

  it("names the innermost package of a nested node_modules path", () => {
    expect(packageOf("file:///a/node_modules/next/node_modules/@swc/helpers/x.js")).toBe("@swc/helpers");
    expect(packageOf("/a/node_modules/pg/lib/client.js")).toBe("pg");
  });

  it("prints the top functions by self time first", () => {
    const lines = report(profile, 2).split("\n");
    const self = lines.indexOf("Top 2 functions by self time");
    expect(lines[self + 2]).toMatch(/^\s+5\s+45\.5%\s+leaf \(node::1\)$/);
    expect(lines[self + 3]).toMatch(/parse \(@prisma\/client:42\)/);
  });
});

describe("the HAProxy configuration", () => {
  const template = readFileSync(path.join(import.meta.dirname, "../../deploy/haproxy.cfg"), "utf8");

  it("listens where it is told and names one server per app process, with no placeholder left", () => {
    const config = renderHaproxyConfig(template, "127.0.0.1:3590", ["127.0.0.1:3501", "127.0.0.1:3502"]);
    expect(config).toMatch(/^\s+bind 127\.0\.0\.1:3590$/m);
    expect(config.match(/^\s+server .*$/gm)).toEqual(["  server app1 127.0.0.1:3501", "  server app2 127.0.0.1:3502"]);
    expect(config).not.toContain("{{");
  });

  it("refuses an address that is not host:port, so nothing else is written into the configuration", () => {
    expect(() => renderHaproxyConfig(template, "127.0.0.1:3590", ["127.0.0.1:3501\n  stats enable"])).toThrow(
      /Not a host:port address/,
    );
    expect(() => renderHaproxyConfig(template, "0.0.0.0", [])).toThrow(/Not a host:port address/);
  });
});
