// The server's one logger: structured JSON lines (pino) on stdout, for a log shipper to collect.
// Lines never carry patient data: the API's request line has ids, the route's template, the
// status and the duration only (lib/http/handler.ts). No transports or pretty-printing: those
// run worker threads; pino writing synchronously to stdout is cheap enough for one line a request.
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * A logger at `level` (default: `LOG_LEVEL`, else `info`; `silent` writes nothing) writing to
 * `destination` (default stdout). Tests pass a stream to read what was written. A level pino
 * does not know (a typo such as `warning`) logs at `info` and says so in a first warn line: a
 * misspelt setting must not fail every request.
 */
export function createLogger(options: { level?: string; destination?: DestinationStream } = {}): Logger {
  const wanted = options.level ?? process.env.LOG_LEVEL ?? "info";
  const known = wanted === "silent" || wanted in pino.levels.values;
  const log = pino(
    { level: known ? wanted : "info", base: { pid: process.pid } },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
  if (!known)
    log.warn({ setting: "LOG_LEVEL", value: wanted.slice(0, 40) }, "LOG_LEVEL is not a log level: logging at info");
  return log;
}

// One per process, also across Next.js's hot reloads in development.
const globalForLog = globalThis as unknown as { clinicLogger?: Logger };

/** The process-wide logger, created on first use. */
export function logger(): Logger {
  globalForLog.clinicLogger ??= createLogger();
  return globalForLog.clinicLogger;
}

/** Makes `replacement` the process-wide logger (null: back to the default on next use). For tests. */
export function setLogger(replacement: Logger | null): void {
  globalForLog.clinicLogger = replacement ?? undefined;
}
