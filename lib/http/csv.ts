// CSV (RFC 4180) for downloads staff open in a spreadsheet.

/**
 * One field: quoted when it holds a quote, a comma or a line break (quotes doubled). Text a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) is
 * prefixed with an apostrophe (OWASP "CSV injection"), so a name cannot become a formula.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, CRLF-terminated as RFC 4180 says. */
export const csvLine = (fields: (string | number | null)[]): string => `${fields.map(csvField).join(",")}\r\n`;
