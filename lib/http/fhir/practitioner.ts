// Practitioner and PractitionerRole: the clinic's staff, every role (a receptionist registering
// patients and the administrator running the clinic serve its patients too, as FHIR R4's
// Practitioner scope has it). Read under `staff.list`, as /api/v1/staff is: everyone. Staff are
// not patient data, so these reads are not audited (as the /api/v1 staff list is not).
import { validationError } from "@/lib/domain/errors";
import { toFhirPractitioner } from "@/lib/fhir/practitioner";
import { rolesMatching, staffRoleSystem, toFhirPractitionerRole } from "@/lib/fhir/practitioner-role";
import type { ParsedSearch } from "@/lib/fhir/search";
import { system } from "@/lib/fhir/terminology";
import { getStaffMember, searchStaff } from "@/lib/services/staff";
import type { FhirResourceType } from "./resource-type";

/**
 * A token parameter whose codes are `codes` (e.g. `active`: true or false), without a system or
 * with `tokenSystem`; throws `invalid` naming `name` for any other value.
 */
export function codeOf<C extends string>(
  search: ParsedSearch,
  name: string,
  codes: readonly C[],
  tokenSystem?: string,
): C | undefined {
  const token = search.tokens[name];
  if (!token) return undefined;
  const code = codes.find((c) => c === token.code);
  if (!code || (token.system !== null && token.system !== tokenSystem))
    throw validationError([{ path: name, message: `One of ${codes.join(", ")}` }]);
  return code;
}

const activeOf = (search: ParsedSearch) => {
  const active = codeOf(search, "active", ["true", "false"]);
  return active === undefined ? undefined : active === "true";
};

const nameParam = {
  name: "name",
  type: "string" as const,
  documentation: "Words that each start a word of the name (case and accents ignored).",
};
const activeParam = {
  name: "active",
  type: "token" as const,
  documentation: "true or false: whether the staff account is active. Without it, inactive staff are included.",
};

export const practitionerType: FhirResourceType = {
  type: "Practitioner",
  documentation:
    "A member of the clinic's staff, of any role: surgeons, anaesthetists, nurses, physiotherapists, and also receptionists and administrators, who serve the clinic's patients. Name (split into given and family only when the clinic's free-text name splits safely, else text), whether active (not the email, the account's sign-in name). Inactive staff are read and found, with active false.",
  action: "staff.list",
  searchParams: [nameParam, activeParam],
  read: async (_actor, id) => toFhirPractitioner(await getStaffMember(id)),
  search: async (_actor, search) => {
    const page = await searchStaff(
      { name: search.strings.name, active: activeOf(search) },
      { limit: search.count, cursor: search.cursor },
    );
    return { resources: page.items.map(toFhirPractitioner), nextCursor: page.nextCursor };
  },
};

export const practitionerRoleType: FhirResourceType = {
  type: "PractitionerRole",
  documentation: `A staff member's role (one each; id: the staff id): the Practitioner, whether active, the role as an HL7 practitioner-role code where one fits (doctor, nurse), then the clinic role (${staffRoleSystem}: reception, nurse, surgeon, anaesthetist, physio, admin) with its SNOMED CT occupation where confirmed. Not the working hours (the administrator's, in /api/v1). No location: staff belong to a site, and this server's Locations are rooms.`,
  action: "staff.list",
  searchParams: [
    { name: "practitioner", type: "reference", documentation: "The Practitioner: an id, or Practitioner/<id>." },
    {
      name: "role",
      type: "token",
      documentation: `A role code: ${system.practitionerRole} (doctor, nurse), ${system.snomed} (the occupations sent), ${staffRoleSystem}; without a system, a code of any of them.`,
    },
    { ...activeParam, documentation: "true or false: whether the role (the staff account) is active." },
  ],
  referenceTargets: { practitioner: "Practitioner" },
  read: async (_actor, id) => toFhirPractitionerRole(await getStaffMember(id)),
  search: async (_actor, search) => {
    const role = search.tokens.role;
    const page = await searchStaff(
      { id: search.references.practitioner, kinds: role ? rolesMatching(role) : undefined, active: activeOf(search) },
      { limit: search.count, cursor: search.cursor },
    );
    return { resources: page.items.map(toFhirPractitionerRole), nextCursor: page.nextCursor };
  },
};
