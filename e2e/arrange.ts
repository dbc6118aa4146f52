// What a test needs from an earlier clock: the API books only ahead of the server's clock, so a
// visit booked this morning cannot be booked through it late in the evening. Such arrangements
// go through the same booking service as the API, as the demo receptionist, with the clock the
// booking would have had (./arrange-command.ts); the test then acts through the browser at the
// real clock.
import { execFileSync } from "node:child_process";
import type { AppointmentInput } from "@/lib/schemas/appointment";
import { e2eDatabaseUrl } from "../playwright.config";

/** Books as the demo receptionist, as if at `clock`; returns the appointment's id. */
export function bookAsOf(clock: Date, input: AppointmentInput): string {
  return execFileSync(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "e2e/arrange-command.ts",
      e2eDatabaseUrl,
      clock.toISOString(),
      JSON.stringify(input),
    ],
    {
      encoding: "utf8",
    },
  );
}

/** A link to the page of a demo patient with an appointment still to come (made as of `clock`). */
export function portalLinkAsOf(clock: Date): { token: string; appointmentId: string; patientName: string } {
  const printed = execFileSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "e2e/arrange-portal.ts", e2eDatabaseUrl, clock.toISOString()],
    { encoding: "utf8" },
  );
  return JSON.parse(printed);
}
