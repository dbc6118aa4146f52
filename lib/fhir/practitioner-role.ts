import type { CodeableConcept, PractitionerRole } from "@medplum/fhirtypes";
import { roles, type Role } from "@/lib/domain/vocabulary";
import type { StaffMemberRecord } from "./practitioner";
import type { TokenValue } from "./search";
import { localSystem, system } from "./terminology";

/** The clinic's roles as codes of the product's own system (the code is the role's name in /api/v1). */
export const staffRoleSystem = localSystem("staff-role");

type RoleCoding = { code: string; display: string };

/**
 * Each clinic role's codes. `hl7`: HL7 practitioner-role (only doctor and nurse fit; a surgeon and
 * an anaesthetist are doctors). `snomed`: SNOMED CT occupation concepts, sent only where checked
 * against published value sets (FHIR performer-role, DICOM CID 7452); reception and the
 * administrator have none (see unconfirmedCodes).
 */
const roleCodes: Record<Role, { display: string; hl7?: RoleCoding; snomed?: RoleCoding }> = {
  reception: { display: "Receptionist" },
  nurse: {
    display: "Nurse",
    hl7: { code: "nurse", display: "Nurse" },
    snomed: { code: "106292003", display: "Professional nurse" },
  },
  surgeon: {
    display: "Surgeon",
    hl7: { code: "doctor", display: "Doctor" },
    snomed: { code: "304292004", display: "Surgeon" },
  },
  anaesthetist: {
    display: "Anaesthetist",
    hl7: { code: "doctor", display: "Doctor" },
    snomed: { code: "88189002", display: "Anesthesiologist" },
  },
  physio: { display: "Physiotherapist", snomed: { code: "36682004", display: "Physiotherapist" } },
  admin: { display: "Clinic administrator" },
};

/**
 * A role's `PractitionerRole.code`: the HL7 practitioner-role category where one fits, then the
 * clinic role itself (its local code, with the SNOMED CT occupation when confirmed, and its name).
 */
export function roleConcepts(role: Role): CodeableConcept[] {
  const codes = roleCodes[role];
  return [
    ...(codes.hl7 ? [{ coding: [{ system: system.practitionerRole, ...codes.hl7 }] }] : []),
    {
      coding: [
        ...(codes.snomed ? [{ system: system.snomed, ...codes.snomed }] : []),
        { system: staffRoleSystem, code: role, display: codes.display },
      ],
      text: codes.display,
    },
  ];
}

/**
 * The clinic roles a `role` search token names: a code of any system a role carries (HL7
 * practitioner-role, SNOMED CT, the local staff-role system), or without a system a code of any
 * of them. Empty when none does.
 */
export function rolesMatching(token: TokenValue): Role[] {
  return roles.filter((role) =>
    roleConcepts(role).some((concept) =>
      concept.coding!.some((c) => c.code === token.code && (token.system === null || c.system === token.system)),
    ),
  );
}

/**
 * A staff member's role in the clinic as FHIR R4 PractitionerRole (id: the staff id, one role
 * each): the practitioner, whether active, the role's codes. Not the working hours: /api/v1
 * shows those to the administrator only. No `location`: a staff member belongs to a site, and the
 * server's Locations are rooms.
 */
export function toFhirPractitionerRole(staff: StaffMemberRecord): PractitionerRole {
  return {
    resourceType: "PractitionerRole",
    id: staff.id,
    active: staff.active,
    practitioner: { reference: `Practitioner/${staff.id}`, display: staff.name },
    code: roleConcepts(staff.role),
  };
}
