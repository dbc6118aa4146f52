// `npm start`: a real PostgreSQL (embedded unless DATABASE_URL names one; started again if it
// dies), pending migrations as the tables' owner, the app's own login role (which cannot alter
// the audit trail), demo data into an empty database (demo mode), a production build if there
// is none, then `next start` on PORT (3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrations";
import { portInUse } from "@/lib/db/postmaster";
import { appRoleProblems, createAppRole, grantAppPrivileges } from "@/lib/db/roles";
import { isEmpty, seedDemoData } from "@/prisma/seed";
import { claimDataDir } from "./start-guard";

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

/** The role `url` connects as, for messages and grants. */
const roleOf = (url: string) => decodeURIComponent(new URL(url).username);

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const claim = await claimDataDir(dataDir).catch((error: Error) => fail(error.message));
  const secret = authSecret();
  // A worker started from this process opens the patient-page links sealed with it (lib/messages/sealed-link.ts).
  process.env.NEXTAUTH_SECRET = secret;
  if (await portInUse(Number(port)))
    fail(`Port ${port} is in use by another program: stop it, or set PORT to a free port.`);
  let embedded: EmbeddedServer | null = null;
  let webServer: ReturnType<typeof spawn> | null = null;
  let exitCode: number | null = null;
  let databaseUrl = process.env.DATABASE_URL;
  // Migrations and grants run as the tables' owner; the app runs as DATABASE_URL's role.
  let ownerUrl = process.env.DATABASE_OWNER_URL || undefined;
  if (!databaseUrl) {
    if (production)
      fail("DATABASE_URL is not set. In production (CLINIC_ENV=production) point it at your PostgreSQL server.");
    const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
    console.log(
      `Starting the embedded PostgreSQL (data in ${path.relative(root, path.join(dataDir, "postgres")) || dataDir}, port ${pgPort})…`,
    );
    embedded = await startEmbeddedPostgres({
      dir: path.join(dataDir, "postgres"),
      port: pgPort,
      supervise: {
        onDown: (detail) => console.error(`The embedded PostgreSQL stopped (${detail}): starting it again…`),
        onBack: () => console.log("The embedded PostgreSQL is running again."),
        onGiveUp: (error) => {
          console.error(`\nThe embedded PostgreSQL could not be started again: ${error.message}\nStopping.\n`);
          exitCode = 1;
          if (webServer) webServer.kill("SIGTERM");
          else process.exit(1);
        },
      },
    });
    await embedded.createDatabase("clinic");
    ownerUrl = embedded.url("clinic");
  }

  const applied = await migrate(ownerUrl ?? databaseUrl!);
  console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "The database schema is up to date.");
  if (embedded) databaseUrl = await createAppRole(ownerUrl!);
  else if (ownerUrl) await grantAppPrivileges(ownerUrl, roleOf(databaseUrl!));
  const problems = await appRoleProblems(databaseUrl!);
  if (problems.length) {
    fail(
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
    if (build.status !== 0) fail("The build failed.");
  }

  const server = spawn(process.execPath, [nextBin, "start", "-p", port], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  webServer = server;
  if (server.pid) claim.recordServer(server.pid);
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", async (code) => {
    if (embedded) await embedded.stop().catch(() => undefined);
    claim.release();
    process.exit(exitCode ?? code ?? 0);
  });
}

main().catch((error: unknown) => fail(`Start-up failed: ${error instanceof Error ? error.message : String(error)}`));
