// `npm start`: a real PostgreSQL (embedded unless DATABASE_URL names one; started again if it
// dies), pending migrations as the tables' owner, the app's own login role (which cannot alter
// the audit trail), demo data into an empty database (demo mode), a production build if there
// is none, then `next start` on PORT (3000) and the job queue's worker (scripts/worker.ts), which
// sends the messages to patients. Without SMTP_URL (demo mode) a mail server in this process
// receives them and keeps each as an `.eml` file in <data folder>/mailbox/.
//
// The web server and the worker live and stop together: a worker that dies is started again (a
// worker that cannot run, or dies three times within a minute, stops everything); a web server
// that dies stops everything. On SIGTERM, SIGINT or SIGHUP both are told to stop, the worker
// finishes its running jobs, and only then do the mail server and the embedded PostgreSQL stop.
// (Ctrl+C in a terminal also reaches the embedded PostgreSQL itself, which then stops at once: a
// message being handed over at that moment is sent again later, see README "Messages".)
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";
import { portInUse } from "@/lib/db/postmaster";
import { appRoleProblems, createAppRole, grantAppPrivileges } from "@/lib/db/roles";
import type { MailServer } from "@/lib/messages/mail-server";
import { mailServerOf, transportSettings } from "@/lib/messages/transports";
import { isEmpty, seedDemoData } from "@/prisma/seed";
import { startDemoMailbox } from "./demo-mailbox";
import { claimDataDir, type DataDirClaim } from "./start-guard";
import { configurationExitCode, messageSetupProblems } from "./worker-settings";

const root = process.cwd();
const dataDir = process.env.CLINIC_DATA_DIR ?? path.join(root, ".data");
const production = process.env.CLINIC_ENV === "production";
const port = process.env.PORT ?? "3000";

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (production) {
    fail(
      "NEXTAUTH_SECRET is not set. In production (CLINIC_ENV=production) set it to a long random value, e.g. `openssl rand -base64 48`.",
    );
  }
  // Demo mode: a secret of this installation's own, kept outside git so sessions survive restarts.
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString("base64"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** `file` for a message: relative to the project when inside it, else absolute. */
const shown = (file: string) => {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith("..") ? relative : file;
};

/** The role `url` connects as, for messages and grants. */
const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

/** What runs, for the stop: everything starts empty and is filled in as it starts. */
const running: {
  claim?: DataDirClaim;
  embedded?: EmbeddedServer;
  mailbox?: MailServer;
  webServer?: ChildProcess;
  worker?: ChildProcess;
} = {};
let stopping = false;

const alive = (child?: ChildProcess): child is ChildProcess =>
  Boolean(child && child.exitCode === null && child.signalCode === null);

/**
 * Stops everything and exits with `code`: the web server and the worker first (SIGTERM; the
 * worker finishes its running jobs; SIGKILL after 90 s, beyond a delivery's 60 s limit), then the
 * mail server and the embedded PostgreSQL they used.
 */
async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    const children = [running.webServer, running.worker].filter(alive);
    const exits = children.map((child) => new Promise((resolve) => child.once("exit", resolve)));
    for (const child of children) child.kill("SIGTERM");
    const force = setTimeout(() => children.filter(alive).forEach((child) => child.kill("SIGKILL")), 90_000);
    await Promise.all(exits);
    clearTimeout(force);
    await running.mailbox?.close().catch(() => undefined);
    await running.embedded?.stop().catch(() => undefined);
    running.claim?.release();
    process.exit(code);
  }
  return new Promise<never>(() => undefined);
}

/** Prints `message` and stops everything with exit code 1. */
function refuse(message: string): Promise<never> {
  console.error(`\n${message}\n`);
  return stopAll(1);
}

/**
 * Starts the embedded PostgreSQL with this script as the one that stops it: the package's own
 * signal hooks (async-exit-hook) would stop the database at once and exit, before the worker has
 * finished its running jobs, so they are removed and stopAll stops it last.
 */
async function startDatabase(options: Parameters<typeof startEmbeddedPostgres>[0]): Promise<EmbeddedServer> {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  try {
    return await startEmbeddedPostgres(options);
  } finally {
    for (const signal of signals)
      for (const listener of process.listeners(signal))
        if (!before.get(signal)!.has(listener)) process.off(signal, listener);
  }
}

/**
 * Runs the worker (scripts/worker.ts) with `env`; started again when it dies, unless its settings
 * are wrong (exit code 78) or it died three times within a minute: then everything stops.
 */
function superviseWorker(env: NodeJS.ProcessEnv) {
  const deaths: number[] = [];
  const start = () => {
    const worker = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "worker.ts")], {
      stdio: "inherit",
      env,
    });
    running.worker = worker;
    if (worker.pid) running.claim?.recordWorker(worker.pid);
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `exit code ${code}`;
      if (code === configurationExitCode)
        return void refuse("The worker cannot run with these settings (see above): stopping.");
      const now = Date.now();
      deaths.push(now);
      if (deaths.filter((at) => now - at < 60_000).length >= 3)
        return void refuse(
          `The worker stopped three times within a minute (last: ${how}), so messages to patients would not go out: stopping. Its last lines are above.`,
        );
      console.error(`The worker stopped (${how}): starting it again…`);
      setTimeout(() => stopping || start(), 1_000);
    });
  };
  start();
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  running.claim = await claimDataDir(dataDir).catch((error: Error) => fail(error.message));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stopAll(0));
  const secret = authSecret();
  const messaging = messageSetupProblems(process.env);
  if (messaging.length) return refuse(`Messages to patients cannot be sent as set up:\n- ${messaging.join("\n- ")}`);
  // A worker started from this process opens the patient-page links sealed with it (lib/messages/sealed-link.ts).
  process.env.NEXTAUTH_SECRET = secret;
  if (await portInUse(Number(port)))
    return refuse(`Port ${port} is in use by another program: stop it, or set PORT to a free port.`);
  let databaseUrl = process.env.DATABASE_URL;
  // Migrations and grants run as the tables' owner; the app runs as DATABASE_URL's role.
  let ownerUrl = process.env.DATABASE_OWNER_URL || undefined;
  if (!databaseUrl) {
    if (production)
      return refuse(
        "DATABASE_URL is not set. In production (CLINIC_ENV=production) point it at your PostgreSQL server.",
      );
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
    console.log(`Starting the embedded PostgreSQL (data in ${shown(path.join(dataDir, "postgres"))}, port ${pgPort})…`);
    const embedded = await startDatabase({
      dir: path.join(dataDir, "postgres"),
      port: pgPort,
      supervise: {
        onDown: (detail) => console.error(`The embedded PostgreSQL stopped (${detail}): starting it again…`),
        onBack: () => console.log("The embedded PostgreSQL is running again."),
        onGiveUp: (error) => {
          if (!stopping) void refuse(`The embedded PostgreSQL could not be started again: ${error.message}\nStopping.`);
        },
      },
    });
    running.embedded = embedded;
    await embedded.createDatabase("clinic");
    ownerUrl = embedded.url("clinic");
  }

  const applied = await migrate(ownerUrl ?? databaseUrl!);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "The database schema is up to date.");
  if (running.embedded) databaseUrl = await createAppRole(ownerUrl!);
  else if (ownerUrl) await grantAppPrivileges(ownerUrl, roleOf(databaseUrl!));
  const problems = await appRoleProblems(databaseUrl!);
  if (problems.length) {
    return refuse(
      `DATABASE_URL connects as a role that could alter the audit trail: ${problems.join("; ")}. ` +
        "Connect the app as a login role that owns nothing, and set DATABASE_OWNER_URL to the tables' owner: migrations run as the owner, and start-up grants the app's role what it needs.",
    );
  }
  if (!production) {
    const prisma = createDb(databaseUrl!);
    if (await isEmpty(prisma)) {
      await seedDemoData(prisma, new Date());
      console.log("Loaded the demo data (accounts <role>@demo.clinic, password demo-password).");
    }
    await prisma.$disconnect();
  }

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("No production build yet: building (about a minute)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) return refuse("The build failed.");
  }

  // Demo mode: mail to patients goes no further than a folder of this installation.
  let smtpUrl = process.env.SMTP_URL || undefined;
  if (smtpUrl) {
    console.log(`Messages to patients go out through the mail server ${mailServerOf(transportSettings())}.`);
  } else {
    running.mailbox = await startDemoMailbox(path.join(dataDir, "mailbox"));
    smtpUrl = running.mailbox.url;
    console.log(
      `Demo mail: messages to patients are not sent out; each is saved as an .eml file in ${shown(path.join(dataDir, "mailbox"))}/ (set SMTP_URL to send them).`,
    );
  }

  const webServer = spawn(process.execPath, [nextBin, "start", "-p", port], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  running.webServer = webServer;
  if (webServer.pid) running.claim.recordServer(webServer.pid);
  webServer.on("exit", (code, signal) => {
    if (stopping) return;
    void refuse(
      `The web server stopped (${signal ? `signal ${signal}` : `exit code ${code}`}): stopping the worker too.`,
    );
  });
  // The worker needs the app's role only: not the owner's URL.
  superviseWorker({ ...process.env, DATABASE_OWNER_URL: "", DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl });
}

main().catch((error: unknown) => refuse(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`));
