import { describe, expect, it } from "vitest";
import {
  canonicalPostcode,
  compactNhsNumber,
  isValidNhsNumber,
  nhsCheckDigit,
  postcodeOutwardCode,
} from "@/lib/domain/patient-identifiers";

describe("NHS number", () => {
  it("accepts a number whose last digit is its modulus-11 check digit, typed with spaces", () => {
    expect(compactNhsNumber("943 476 5919")).toBe("9434765919");
    expect(isValidNhsNumber("9434765919")).toBe(true);
  });

  it("refuses a number with one digit changed or two digits swapped", () => {
    expect(isValidNhsNumber("9434765918")).toBe(false);
    expect(isValidNhsNumber("9434765929")).toBe(false);
    expect(isValidNhsNumber("4934765919")).toBe(false);
  });

  it("takes a remainder of 11 as check digit 0, and refuses nine digits whose check would be 10", () => {
    // sum 0 -> 11 - 0 = 11 -> 0
    expect(nhsCheckDigit("000000000")).toBe(0);
    expect(isValidNhsNumber("0000000000")).toBe(true);
    // 1*2 = 2 -> 11 - 2 = 9
    expect(nhsCheckDigit("000000001")).toBe(9);
    // 1*10 + 1*2 = 12, 12 mod 11 = 1 -> 11 - 1 = 10: no valid check digit
    expect(nhsCheckDigit("100000001")).toBeNull();
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`100000001${d}`)).toBe(false);
  });

  it("refuses anything but ten digits", () => {
    for (const value of ["", "943476591", "94347659190", "943476591X", "943 476 5919"])
      expect(isValidNhsNumber(value), value).toBe(false);
  });
});

describe("postcode", () => {
  it("keeps a full postcode upper case with one space before the inward code", () => {
    expect(canonicalPostcode("sw1a1aa")).toBe("SW1A 1AA");
    expect(canonicalPostcode(" M1  1AE ")).toBe("M1 1AE");
    expect(canonicalPostcode("EC1A 1BB")).toBe("EC1A 1BB");
  });

  it("refuses what is not a UK postcode", () => {
    for (const value of ["", "12345", "SW1A", "SW1A 1A", "Smith"]) expect(canonicalPostcode(value), value).toBeNull();
  });

  it("knows an outward code alone", () => {
    expect(postcodeOutwardCode("sw1a")).toBe("SW1A");
    expect(postcodeOutwardCode("M1")).toBe("M1");
    expect(postcodeOutwardCode("Smith")).toBeNull();
  });
});
