// Location: the clinic's rooms. Read under `room.list`, as /api/v1/rooms is: everyone. Rooms are
// not patient data, so these reads are not audited (as the /api/v1 room list is not).
import { roomKindSystem, roomKindsMatching, toFhirLocation } from "@/lib/fhir/location";
import { getRoom, searchRooms } from "@/lib/services/staff";
import { codeOf } from "./practitioner";
import type { FhirResourceType } from "./resource-type";

const statuses = ["active", "suspended", "inactive"] as const;

export const locationType: FhirResourceType = {
  type: "Location",
  documentation: `A room of the clinic (id: the room id): name, status active or inactive (a room taken out of use), mode instance, physical type Room, its kind as type (${roomKindSystem}: theatre, consulting, imaging, physio, dressing; local codes with text). Not its opening hours (the administrator's, in /api/v1). Inactive rooms are read and found, with status inactive.`,
  action: "room.list",
  searchParams: [
    {
      name: "name",
      type: "string",
      documentation: "Words that each start a word of the room's name (case and accents ignored).",
    },
    {
      name: "type",
      type: "token",
      documentation: `The room's kind: a ${roomKindSystem} code, with or without the system.`,
    },
    {
      name: "status",
      type: "token",
      documentation: "active or inactive (suspended is never used here). Without it, inactive rooms are included.",
    },
  ],
  read: async (_actor, id) => toFhirLocation(await getRoom(id)),
  search: async (_actor, search) => {
    const type = search.tokens.type;
    const status = codeOf(search, "status", statuses, "http://hl7.org/fhir/location-status");
    const page = await searchRooms(
      {
        name: search.strings.name,
        // No room is ever suspended: that status matches nothing.
        kinds: status === "suspended" ? [] : type ? roomKindsMatching(type) : undefined,
        active: status === undefined || status === "suspended" ? undefined : status === "active",
      },
      { limit: search.count, cursor: search.cursor },
    );
    return { resources: page.items.map(toFhirLocation), nextCursor: page.nextCursor };
  },
};
