// A FHIR search's query string, read against the parameters one resource type supports
// (FHIR R4 "Search", 3.1.1). Pure: the service turns what it holds into its query.
import { validationError } from "@/lib/domain/errors";
import { addDays } from "@/lib/domain/time";

export type SearchParameterType = "token" | "string" | "date" | "reference";

/** One supported search parameter, as the CapabilityStatement declares it. */
export type SearchParameterDefinition = {
  name: string;
  type: SearchParameterType;
  documentation: string;
  /** A date parameter over calendar days (a birth date, the day a score was given): no times. */
  days?: true;
};

/** `system` null: any system (`code`); "" (`|code`): a code without a system. */
export type TokenValue = { system: string | null; code: string };
export type DatePrefix = "eq" | "ge" | "gt" | "le" | "lt";
/**
 * A date parameter's value: a calendar day (`YYYY-MM-DD`, the day in the site's zone) or an
 * instant (a dateTime with its offset), with its comparison prefix.
 */
export type DateValue = { prefix: DatePrefix } & ({ day: string } | { instant: Date });

export type ParsedSearch = {
  tokens: Record<string, TokenValue>;
  strings: Record<string, string>;
  /** Referenced ids (the `Patient/` type prefix removed, checked to be one of ours). */
  references: Record<string, string>;
  /** Every value given for a date parameter (`date=ge2026-12-01&date=lt2026-12-08`). */
  dates: Record<string, DateValue[]>;
  /** Matches per page (`_count`): 1 to 100, 20 when absent. */
  count: number;
  /** Where the page starts (`_cursor`, from a previous page's `next` link). */
  cursor: string | undefined;
};

export const defaultCount = 20;
export const maxCount = 100;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const instantPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const controls = /[\u0000-\u001f\u007f]/;

/** Whether `day` (YYYY-MM-DD) is a day the calendar has, in the years 1900 to 2999 (as /api/v1's dates). */
function isCalendarDay(day: string): boolean {
  const match = dayPattern.exec(day);
  if (!match || Number(match[1]) < 1900 || Number(match[1]) > 2999) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

type Problem = { path: string; message: string };

function parseDate(raw: string, days: boolean): DateValue | string {
  const prefixed = /^(eq|ge|gt|le|lt)(.*)$/.exec(raw);
  const prefix = (prefixed?.[1] ?? "eq") as DatePrefix;
  const value = prefixed ? prefixed[2]! : raw;
  if (isCalendarDay(value)) return { prefix, day: value };
  if (!days && instantPattern.test(value) && isCalendarDay(value.slice(0, 10))) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime()) && isCalendarDay(instant.toISOString().slice(0, 10)))
      return { prefix, instant };
  }
  return days
    ? "A date (YYYY-MM-DD, 1900 to 2999), after an optional eq, ge, gt, le or lt"
    : "A date (YYYY-MM-DD, 1900 to 2999) or a date and time with its offset, after an optional eq, ge, gt, le or lt";
}

function parseToken(raw: string): TokenValue | string {
  const bar = raw.indexOf("|");
  const [system, code] = bar < 0 ? [null, raw] : [raw.slice(0, bar), raw.slice(bar + 1)];
  if (!code || code.includes("|")) return "A code, or system|code";
  return { system, code };
}

function parseReference(raw: string, target: string): string | { problem: string } {
  const id = raw.startsWith(`${target}/`) ? raw.slice(target.length + 1) : raw;
  return uuidPattern.test(id) ? id.toLowerCase() : { problem: `A ${target} id, or ${target}/<id>` };
}

/**
 * Reads `query` against `supported` (`reference` parameters point at `referenceTarget[name]`,
 * "Patient" by default). Throws `invalid` VALIDATION naming each parameter at fault (its name is
 * the path): an unsupported parameter or modifier, an empty value, a value in the wrong form, a
 * parameter other than a date given twice, or several values in one (a comma: OR is not supported).
 * `_format` is accepted when it asks for JSON.
 */
export function parseSearch(
  query: URLSearchParams,
  supported: SearchParameterDefinition[],
  referenceTarget: Record<string, string> = {},
): ParsedSearch {
  const parsed: ParsedSearch = {
    tokens: {},
    strings: {},
    references: {},
    dates: {},
    count: defaultCount,
    cursor: undefined,
  };
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of query) {
    const once = () => {
      if (seen.has(name)) problems.push({ path: name, message: "Given more than once" });
      seen.add(name);
    };
    if (controls.test(raw) || raw.length > 200) {
      problems.push({ path: name, message: "At most 200 characters, without control characters" });
      continue;
    }
    if (raw.trim() === "") {
      problems.push({ path: name || "(unnamed)", message: "Must not be empty" });
      continue;
    }
    if (name === "_count") {
      once();
      const count = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
      if (count >= 1 && count <= maxCount) parsed.count = count;
      else problems.push({ path: name, message: `A whole number from 1 to ${maxCount}` });
      continue;
    }
    if (name === "_cursor") {
      once();
      parsed.cursor = raw;
      continue;
    }
    if (name === "_format") {
      if (!["json", "application/json", "application/fhir+json"].includes(raw))
        problems.push({ path: name, message: "Only JSON is served" });
      continue;
    }
    const definition = supported.find((p) => p.name === name);
    if (!definition) {
      if (name === "") {
        problems.push({ path: "(unnamed)", message: "A parameter needs a name" });
        continue;
      }
      const message = name.includes(":")
        ? "Modifiers are not supported"
        : `Not a supported search parameter (supported: ${supported.map((p) => p.name).join(", ") || "none"})`;
      problems.push({ path: name, message });
      continue;
    }
    if (definition.type !== "date") once();
    if (raw.includes(",")) {
      problems.push({ path: name, message: "One value only (several values, OR, are not supported)" });
      continue;
    }
    switch (definition.type) {
      case "date": {
        const value = parseDate(raw, definition.days === true);
        if (typeof value === "string") problems.push({ path: name, message: value });
        else (parsed.dates[name] ??= []).push(value);
        break;
      }
      case "token": {
        const value = parseToken(raw);
        if (typeof value === "string") problems.push({ path: name, message: value });
        else parsed.tokens[name] = value;
        break;
      }
      case "reference": {
        const value = parseReference(raw, referenceTarget[name] ?? "Patient");
        if (typeof value === "string") parsed.references[name] = value;
        else problems.push({ path: name, message: value.problem });
        break;
      }
      case "string":
        parsed.strings[name] = raw.trim();
        break;
    }
  }
  if (problems.length) throw validationError(problems);
  return parsed;
}

/**
 * A date parameter's values as one half-open interval of instants `[from, to)` (either end open
 * when absent), a day being `[its start, the next day's start)` as `dayStart` gives them (the
 * site's zone for instants: `instantAt(day, 0, 0, zone)`; UTC midnight for `date` columns). eq
 * keeps the value's range, ge its start onwards, gt after its end, le before its end, lt before
 * its start; several values narrow each other.
 */
export function dateInterval(
  values: DateValue[] | undefined,
  dayStart: (day: string) => Date,
): { from: Date | null; to: Date | null } {
  let from: Date | null = null;
  let to: Date | null = null;
  const later = (a: Date | null, b: Date) => (a && a > b ? a : b);
  const earlier = (a: Date | null, b: Date) => (a && a < b ? a : b);
  for (const value of values ?? []) {
    const start = "day" in value ? dayStart(value.day) : value.instant;
    const end = "day" in value ? dayStart(addDays(value.day, 1)) : new Date(value.instant.getTime() + 1);
    switch (value.prefix) {
      case "eq":
        from = later(from, start);
        to = earlier(to, end);
        break;
      case "ge":
        from = later(from, start);
        break;
      case "gt":
        from = later(from, end);
        break;
      case "le":
        to = earlier(to, end);
        break;
      case "lt":
        to = earlier(to, start);
        break;
    }
  }
  return { from, to };
}
