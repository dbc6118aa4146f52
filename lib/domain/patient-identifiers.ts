// How reception types a patient's NHS number and postcode, and how they are kept: one form
// each, so a search and the unique index compare like with like.

/**
 * The NHS number's check digit for its first nine digits (a string of 9 digits): weights 10
 * down to 2, 11 - (sum mod 11), where 11 becomes 0; null when that is 10 (no NHS number has
 * those nine digits).
 */
export function nhsCheckDigit(nineDigits: string): number | null {
  const sum = [...nineDigits].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

/** Spaces and hyphens removed: "943 476 5919" -> "9434765919" (not otherwise checked). */
export const compactNhsNumber = (typed: string): string => typed.replace(/[\s-]/g, "");

/** Ten digits as staff read them: "943 476 5919". */
export const spacedNhsNumber = (digits: string): string =>
  `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;

/** Whether `digits` (already compact) is 10 digits whose last is the check digit of the other nine. */
export function isValidNhsNumber(digits: string): boolean {
  return /^\d{10}$/.test(digits) && nhsCheckDigit(digits.slice(0, 9)) === Number(digits[9]);
}

// A UK postcode: outward code (area, district) then inward code (sector digit, unit letters).
const fullPostcode = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;
const outwardCode = /^[A-Z]{1,2}\d[A-Z\d]?$/;

/** A UK postcode as it is kept, upper case with one space before the inward code ("SW1A 1AA"), or null when `typed` is not one. */
export function canonicalPostcode(typed: string): string | null {
  const match = fullPostcode.exec(typed.trim().toUpperCase());
  return match ? `${match[1]} ${match[2]}` : null;
}

/** The outward code alone ("SW1A", "m1"), upper case, or null when `typed` is not one. */
export function postcodeOutwardCode(typed: string): string | null {
  const text = typed.trim().toUpperCase();
  return outwardCode.test(text) ? text : null;
}
