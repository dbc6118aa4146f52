// Every rule the product enforces has a test of its own (domain, or the database for what only
// the database guarantees) and an API test, each naming its ID.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleCatalogue, type RuleId } from "@/lib/domain/rules";

function testTitles(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.(test|spec)\.ts$/.test(f));
  const titles: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(dir, file), "utf8");
    for (const match of text.matchAll(/\b(?:it|test)\(\s*(["'`])((?:(?!\1).)*)\1/g)) titles.push(match[2]!);
  }
  return titles;
}

const domainTitles = [...testTitles("tests/domain"), ...testTitles("tests/db"), ...testTitles("tests/services")];
const apiTitles = testTitles("e2e");
const names = (titles: string[], rule: RuleId) => titles.some((t) => new RegExp(`\\b${rule}\\b`).test(t));

describe("rule catalogue", () => {
  for (const rule of Object.keys(ruleCatalogue) as RuleId[]) {
    it(`${rule} has a domain or database test and an API test naming it`, () => {
      expect(names(domainTitles, rule), `a test in tests/domain, tests/db or tests/services naming ${rule}`).toBe(true);
      expect(names(apiTitles, rule), `a test in e2e naming ${rule}`).toBe(true);
    });
  }
});
