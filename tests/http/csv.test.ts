import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "@/lib/http/csv";

describe("CSV fields (RFC 4180)", () => {
  it("quotes a field holding a comma, a quote or a line break, doubling its quotes", () => {
    expect(csvField("Smith, John")).toBe('"Smith, John"');
    expect(csvField('O"Neil')).toBe('"O""Neil"');
    expect(csvField("line one\nline two")).toBe('"line one\nline two"');
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it("leaves plain text, numbers and empty values as they are", () => {
    expect(csvField("opened the patient record")).toBe("opened the patient record");
    expect(csvField(3)).toBe("3");
    expect(csvField(null)).toBe("");
    expect(csvField(-3)).toBe("-3");
  });

  it("never lets a spreadsheet run a name as a formula", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("+44 7700")).toBe("'+44 7700");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("-1,2")).toBe(`"'-1,2"`);
  });

  it("ends each record with CRLF", () => {
    expect(csvLine(["a", null, 'b"c'])).toBe('a,,"b""c"\r\n');
  });
});
