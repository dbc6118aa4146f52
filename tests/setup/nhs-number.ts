import { randomInt } from "node:crypto";
import { nhsCheckDigit } from "@/lib/domain/patient-identifiers";

/** A random valid NHS number (10 digits, modulus-11 check digit), so no two tests share one. */
export function randomNhsNumber(): string {
  for (;;) {
    const nine = String(randomInt(100_000_000, 1_000_000_000));
    const check = nhsCheckDigit(nine);
    if (check !== null) return `${nine}${check}`;
  }
}

/** `digits` as reception often types it: "943 476 5919". */
export { spacedNhsNumber as spaced } from "@/lib/domain/patient-identifiers";
