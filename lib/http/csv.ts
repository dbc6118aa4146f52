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

/**
 * A CSV download (`text/csv`, attachment `filename`): the header row `columns`, then each record
 * of `records` as it comes, so a long file is never held in memory. The first record is read
 * before the answer is made: a service that audits before it yields (or fails) does so before
 * the first byte leaves, so a refused audit write is an error answer, not a download.
 */
export async function csvDownload(
  columns: string[],
  records: AsyncGenerator<(string | number | null)[]>,
  filename: string,
): Promise<Response> {
  const first = await records.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(columns)));
      if (!first.done) controller.enqueue(encoder.encode(csvLine(first.value)));
      if (first.done) controller.close();
    },
    async pull(controller) {
      const next = await records.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLine(next.value)));
    },
    async cancel() {
      await records.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}
