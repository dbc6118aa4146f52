// HAProxy in front of app processes, from the repository's deploy/haproxy.cfg template.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const haproxyBinary = process.env.HAPROXY ?? "/usr/sbin/haproxy";
const template = path.join(process.cwd(), "deploy", "haproxy.cfg");

/** Whether HAProxy is installed; when not, says how to install it. */
export function haproxyMissing(): string | null {
  return existsSync(haproxyBinary)
    ? null
    : `HAProxy is not installed (looked for ${haproxyBinary}; set HAPROXY to its path). On Debian or Ubuntu: sudo apt-get install haproxy`;
}

/**
 * The configuration for a balancer listening on `bind` ("127.0.0.1:3590") in front of
 * `servers` ("127.0.0.1:3501", …): the template with its {{bind}} and {{servers}} filled in.
 * Throws on an address that is not host:port (it would be written into the configuration).
 */
export function renderHaproxyConfig(templateText: string, bind: string, servers: string[]): string {
  for (const address of [bind, ...servers]) {
    if (!/^[\w.-]+:\d{1,5}$/.test(address)) throw new Error(`Not a host:port address: ${JSON.stringify(address)}`);
  }
  const lines = servers.map((server, i) => `  server app${i + 1} ${server}`).join("\n");
  return templateText.replaceAll("{{bind}}", bind).replaceAll("{{servers}}", lines);
}

export type Balancer = { url: string; stop: () => Promise<void> };

/** Starts HAProxy on 127.0.0.1:`port` in front of `servers`; resolves once it answers /api/health. */
export async function startBalancer(port: number, servers: string[]): Promise<Balancer> {
  const dir = mkdtempSync(path.join(tmpdir(), "clinic-haproxy-"));
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(config, renderHaproxyConfig(readFileSync(template, "utf8"), `127.0.0.1:${port}`, servers));
  const child = spawn(haproxyBinary, ["-db", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let said = "";
  child.stderr?.on("data", (chunk: Buffer) => (said = (said + chunk.toString()).slice(-2000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`HAProxy did not start on port ${port}:\n${said}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
