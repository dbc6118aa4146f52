import type { HumanName, Practitioner } from "@medplum/fhirtypes";
import type { Role } from "@/lib/domain/vocabulary";

/** A staff member as the directory holds them (lib/services/staff.ts). */
export type StaffMemberRecord = { id: string; name: string; role: Role; active: boolean };

const titles = new Set(["mr", "mrs", "ms", "miss", "mx", "dr", "prof"]);
const namePart = /^\p{L}[\p{L}\p{M}'’-]*$/u;

/**
 * A staff name as FHIR R4 HumanName (use `usual`: the name the clinic uses). The clinic keeps one
 * free-text name; it is split only when that is safe: an optional courtesy title (Mr, Mrs, Ms,
 * Miss, Mx, Dr, Prof) then exactly two words of letters, read as given then family name, the
 * order the clinic writes names in. Anything else ("Nurse Grace Bell", three names, a particle
 * such as "van") is sent as `text` alone rather than guessed.
 */
export function staffHumanName(name: string): HumanName {
  const text = name.trim().replace(/\s+/g, " ");
  const words = text.split(" ");
  const title = titles.has(words[0]!.replace(/\.$/, "").toLowerCase()) ? words[0]! : null;
  const rest = title ? words.slice(1) : words;
  if (rest.length !== 2 || !rest.every((w) => namePart.test(w))) return { use: "usual", text };
  return { use: "usual", text, family: rest[1]!, given: [rest[0]!], ...(title ? { prefix: [title] } : {}) };
}

/**
 * A staff member (any role: clinicians, reception and the administrator all serve the clinic's
 * patients) as FHIR R4 Practitioner: id the staff id, name, whether the account is active. Not
 * the email: it is the account's sign-in name, which /api/v1 shows the administrator only.
 */
export function toFhirPractitioner(staff: StaffMemberRecord): Practitioner {
  return {
    resourceType: "Practitioner",
    id: staff.id,
    active: staff.active,
    name: [staffHumanName(staff.name)],
  };
}
