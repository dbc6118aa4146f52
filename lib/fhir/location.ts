import type { Location } from "@medplum/fhirtypes";
import { roomKinds, type RoomKind } from "@/lib/domain/vocabulary";
import type { TokenValue } from "./search";
import { localSystem, system } from "./terminology";

/** Room kinds as codes of the product's own system (the code is the kind's name in /api/v1). */
export const roomKindSystem = localSystem("room-kind");

const roomKindNames: Record<RoomKind, string> = {
  theatre: "Operating theatre",
  consulting: "Consulting room",
  imaging: "Imaging room",
  physio: "Physiotherapy room",
  dressing: "Dressing room",
};

/** The room kinds a `type` search token names: a kind's code, in the room-kind system or without one. */
export function roomKindsMatching(token: TokenValue): RoomKind[] {
  if (token.system !== null && token.system !== roomKindSystem) return [];
  return roomKinds.filter((kind) => kind === token.code);
}

/** A room as the directory holds it (lib/services/staff.ts). */
export type RoomRecord = {
  id: string;
  name: string;
  kind: RoomKind;
  active: boolean;
};

/**
 * A room as FHIR R4 Location (id: the room id): its name, `active` or `inactive`, mode `instance`,
 * physical type Room (HL7 location-physical-type `ro`), its kind as `type` (a local code and text:
 * see unconfirmedCodes). Not its opening hours: /api/v1 shows those to the administrator only.
 */
export function toFhirLocation(room: RoomRecord): Location {
  return {
    resourceType: "Location",
    id: room.id,
    status: room.active ? "active" : "inactive",
    name: room.name,
    mode: "instance",
    type: [
      {
        coding: [{ system: roomKindSystem, code: room.kind, display: roomKindNames[room.kind] }],
        text: roomKindNames[room.kind],
      },
    ],
    physicalType: { coding: [{ system: system.locationPhysicalType, code: "ro", display: "Room" }] },
  };
}
