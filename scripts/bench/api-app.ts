// The app under test: production builds started with `next start` as separate processes (so a
// profiler or a load balancer can sit in front), and sessions signed in through next-auth's
// credentials flow exactly as the browser does it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

export type App = { url: string; pid: number; alive: () => boolean; stop: () => Promise<void> };

/** Builds the app once when there is no production build (`next build`, a few minutes). */
export function ensureBuild(): void {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("No production build yet: running `next build` once (a few minutes)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("The build failed.");
}

/** Resolves when GET `url`/api/health answers 200; rejects after `timeoutMs` or when `child` exits. */
async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once("exit", () => (exited = true));
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app at ${url} did not answer /api/health${exited ? " (its process exited)" : ""}.`);
}

/**
 * Starts `next start` on `port` against `databaseUrl`. With `profileDir`, the process runs
 * under `node --cpu-prof` and writes a .cpuprofile there when stopped (SIGINT, so Node exits
 * cleanly and flushes the profile). `publicUrl` is NEXTAUTH_URL (the balancer's, behind one).
 */
export async function startApp(options: {
  port: number;
  databaseUrl: string;
  secret: string;
  publicUrl?: string;
  profileDir?: string;
}): Promise<App> {
  const url = `http://127.0.0.1:${options.port}`;
  const flags: string[] = [];
  if (options.profileDir) {
    mkdirSync(options.profileDir, { recursive: true });
    flags.push("--cpu-prof", `--cpu-prof-dir=${options.profileDir}`);
  }
  const child = spawn(process.execPath, [...flags, nextBin, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: options.publicUrl ?? url,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code, signal) => {
    if (!stopping)
      console.error(`The app on port ${options.port} exited (${signal ?? code}). Its last words:\n${stderr}`);
  });
  try {
    await waitForHealth(url, child);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    url,
    pid: child.pid!,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(options.profileDir ? "SIGINT" : "SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The cookies a response sets, as `name=value` pairs. */
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/**
 * Signs in with next-auth's credentials flow (GET /api/auth/csrf, then POST
 * /api/auth/callback/credentials) and returns the Cookie header that carries the session.
 * Throws when no session cookie comes back (wrong password, locked out, app misconfigured).
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrfResponse).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(response).find((c) => c.includes("next-auth.session-token="));
  if (!session) throw new Error(`Signing in as ${email} at ${baseUrl} failed (HTTP ${response.status}).`);
  return session;
}
