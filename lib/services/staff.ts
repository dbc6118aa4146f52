import { db } from "@/lib/db/client";
import type { Role } from "@/lib/auth/policy";
import type { RoomKind } from "@/lib/domain/vocabulary";

export async function listStaff(role?: Role) {
  const items = await db().staff.findMany({
    where: { active: true, role },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, role: true },
  });
  return { items };
}

export async function listRooms(kind?: RoomKind) {
  const items = await db().room.findMany({
    where: { active: true, kind },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: { id: true, name: true, kind: true },
  });
  return { items };
}
