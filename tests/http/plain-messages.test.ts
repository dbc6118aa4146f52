// Field messages staff read beside a form (and API clients in a 400): plain words, never zod's
// own "Invalid option: expected one of …" or "Too small: expected string to have >=1 characters".
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { patientInput } from "@/lib/schemas/patient";

const valid = { givenName: "Ada", familyName: "Lovelace", birthDate: "1990-01-01", sex: "female" };
const messagesOf = (input: unknown) =>
  Object.fromEntries(
    (patientInput.safeParse(input).error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
  );

describe("plain field messages", () => {
  it("an option not chosen names the options", () => {
    expect(messagesOf({ ...valid, sex: "" })).toEqual({ sex: "Choose one of: female, male, other, unknown" });
  });

  it("a missing field is Required, a blank one too, and a long one says its limit", () => {
    expect(messagesOf({ ...valid, givenName: undefined })).toEqual({ givenName: "Required" });
    expect(messagesOf({ ...valid, givenName: "  " })).toEqual({ givenName: "Required" });
    expect(messagesOf({ ...valid, familyName: "x".repeat(101) })).toEqual({ familyName: "At most 100 characters" });
  });

  it("never lets zod's own wording through", () => {
    const inputs = [{}, { ...valid, sex: 3 }, { ...valid, givenName: 7 }, { ...valid, sex: "femme" }];
    for (const input of inputs)
      for (const message of Object.values(messagesOf(input)))
        expect(message).not.toMatch(/Invalid (option|input)|expected|Too (small|big)/);
  });

  it("a value of the wrong type says what is expected: a whole number, true or false, an object, a list", () => {
    const message = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0]?.message;
    expect(message(z.number().int(), 1.5)).toBe("Must be a whole number");
    expect(message(z.boolean(), "yes")).toBe("Must be true or false");
    expect(message(z.object({ a: z.string() }), [])).toBe("Must be an object of named fields");
    expect(message(z.array(z.string()), "x")).toBe("Must be a list");
  });
});
