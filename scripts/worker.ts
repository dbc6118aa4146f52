// `npm run worker`: the job queue's worker (lib/jobs/worker.ts) as a process of its own. It sends
// the outbox's messages through the transports the environment describes (SMTP_URL, MAIL_FROM,
// SMS_PROVIDER) against DATABASE_URL (the app's role). `npm start` runs it beside the web server;
// in production run it as its own service. On SIGTERM or SIGINT it takes no new job, lets the
// running ones finish, and exits 0 (further signals meanwhile change nothing: in a terminal, Ctrl+C
// reaches it both directly and through `npm start`). Its log lines are JSON
// (lib/observability/log.ts) and name no patient and no SMTP credentials.
import { createDb, setDb } from "@/lib/db/client";
import { startWorker } from "@/lib/jobs/worker";
import { createTransports, mailServerOf, transportSettings } from "@/lib/messages/transports";
import { logger } from "@/lib/observability/log";
import { configurationExitCode, messageSetupProblems } from "./worker-settings";

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  const problems = [
    ...(databaseUrl ? [] : ["DATABASE_URL is not set: point it at the clinic's database, as the web server's role."]),
    ...messageSetupProblems(process.env),
  ];
  if (problems.length) {
    console.error(`\nThe worker cannot start:\n- ${problems.join("\n- ")}\n`);
    process.exit(configurationExitCode);
  }
  const settings = transportSettings();
  const prisma = setDb(createDb(databaseUrl!, { connections: 4 }));
  const transports = createTransports(settings);
  const runner = await startWorker(databaseUrl!, { transports, clock: () => new Date() });
  const log = logger();
  log.info({ mail: mailServerOf(settings) ?? "none", sms: settings.smsProvider ?? "record" }, "worker started");
  if (!settings.smtpUrl)
    log.warn("SMTP_URL is not set: email messages cannot be handed over and will fail after their retries");

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "worker stopping: finishing the running jobs");
    await runner.stop();
    transports.close();
    await prisma.$disconnect();
    log.info("worker stopped");
    process.exit(0);
  };
  process.on("SIGTERM", (signal) => void stop(signal));
  process.on("SIGINT", (signal) => void stop(signal));
  runner.promise.then(
    () => {
      if (stopping) return;
      log.error("worker stopped by itself");
      process.exit(1);
    },
    (error: unknown) => {
      log.error({ error: error instanceof Error ? error.message : String(error) }, "worker failed");
      process.exit(1);
    },
  );
}

main().catch((error: unknown) => {
  logger().error({ error: error instanceof Error ? error.message : String(error) }, "worker could not start");
  process.exit(1);
});
