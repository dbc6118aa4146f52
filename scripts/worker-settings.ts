// What the worker needs from the environment to send messages, checked before it starts (by the
// worker itself and by `npm start`, which fails fast instead of restarting a worker that cannot run).
import { transportProblems, transportSettings } from "@/lib/messages/transports";

/** The worker's exit code when its settings are wrong (sysexits' EX_CONFIG): not worth a restart. */
export const configurationExitCode = 78;

/**
 * What is wrong with `env`'s message settings, each in words that say what to set: in production
 * (CLINIC_ENV=production) SMTP_URL is required, since patients' email would otherwise fail after
 * its retries; an unknown SMS_PROVIDER or an unusable SMS webhook. Empty when the worker can run.
 * Outside production a missing SMTP_URL is allowed (`npm start` then runs the demo mailbox).
 */
export function messageSetupProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.CLINIC_ENV === "production" && !env.SMTP_URL)
    problems.push(
      "SMTP_URL is not set. In production (CLINIC_ENV=production) messages to patients go through your mail server: " +
        "set SMTP_URL (smtp://user:password@host:587, or smtps://…:465) and MAIL_FROM.",
    );
  return [...problems, ...transportProblems(transportSettings(env))];
}
