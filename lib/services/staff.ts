import { z } from "zod";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/auth/policy";
import { notFound } from "@/lib/domain/errors";
import type { RoomKind } from "@/lib/domain/vocabulary";
import { uuid, withoutControls } from "@/lib/schemas/common";
import { decodeCursor, encodeCursor } from "./cursor";

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

// The staff and room directory read by id and searched page by page (the FHIR interface's
// Practitioner, PractitionerRole and Location). Staff and rooms are not patient data: these reads
// are not audited, as the /api/v1 staff and room lists are not.

/**
 * A staff member as the directory shows them, inactive ones too. Not their working hours, which
 * /api/v1 shows the administrator only.
 */
export type StaffDirectoryEntry = { id: string; name: string; role: Role; active: boolean };

/** A room as the directory shows it, inactive ones too; not its opening hours (as staff). */
export type RoomDirectoryEntry = { id: string; name: string; kind: RoomKind; active: boolean };

/** What a directory search may name; all given must hold. */
export type DirectorySearch<Kind extends string> = {
  /** Words each starting a word of the name (case and accents ignored). */
  name?: string;
  active?: boolean;
  /** Only these roles or room kinds (an empty list matches nothing). */
  kinds?: readonly Kind[];
  /** Only this record (a PractitionerRole search by its practitioner). */
  id?: string;
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Each word of `name` starts the name or one of its words (case and accents ignored). */
function nameCondition(name: string | undefined): Prisma.Sql[] {
  return (name ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((word) => {
      const w = Prisma.sql`lower(immutable_unaccent(${escapeLike(word)}))`;
      const n = Prisma.sql`lower(immutable_unaccent(name))`;
      return Prisma.sql`(${n} LIKE ${w} || '%' OR ${n} LIKE '% ' || ${w} || '%')`;
    });
}

const directoryCursor = z.strictObject({ name: withoutControls(z.string()).max(200), id: uuid });

/**
 * The conditions of a directory search (`kindColumn`: the enum column `kinds` filters), with the
 * keyset that resumes (name, id) order after `cursor`.
 */
function directoryConditions(search: DirectorySearch<string>, cursor: string | undefined, kindColumn: "role" | "kind") {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`, ...nameCondition(search.name)];
  if (search.active !== undefined) conditions.push(Prisma.sql`active = ${search.active}`);
  if (search.id) conditions.push(Prisma.sql`id = ${search.id}::uuid`);
  if (search.kinds)
    conditions.push(
      search.kinds.length
        ? Prisma.sql`${Prisma.raw(kindColumn)}::text IN (${Prisma.join([...search.kinds])})`
        : Prisma.sql`FALSE`,
    );
  const after = cursor ? decodeCursor(cursor, directoryCursor) : null;
  if (after) conditions.push(Prisma.sql`(name, id) > (${after.name}, ${after.id}::uuid)`);
  return Prisma.join(conditions, " AND ");
}

/** The first `limit` of `rows` (fetched one over) and the next page's cursor. */
function pageOf<T extends { id: string; name: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor({ name: last.name, id: last.id }) : null };
}

async function staffEntries(ids: string[]): Promise<StaffDirectoryEntry[]> {
  const rows = await db().staff.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      role: true,
      active: true,
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One staff member, active or not; throws `not_found` when there is none. */
export async function getStaffMember(id: string): Promise<StaffDirectoryEntry> {
  const [entry] = await staffEntries([id]);
  if (!entry) throw notFound("The staff member");
  return entry;
}

/**
 * Staff matching every field of `search`, `limit` per page in (name, id) order after `cursor`
 * (from a previous page). Throws `invalid` at `cursor` for a cursor this
 * search did not return.
 */
export async function searchStaff(search: DirectorySearch<Role>, page: { limit: number; cursor?: string }) {
  const rows = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM staff
    WHERE ${directoryConditions(search, page.cursor, "role")}
    ORDER BY name, id
    LIMIT ${page.limit + 1}`;
  const { page: items, nextCursor } = pageOf(rows, page.limit);
  return { items: await staffEntries(items.map((r) => r.id)), nextCursor };
}

async function roomEntries(ids: string[]): Promise<RoomDirectoryEntry[]> {
  const rows = await db().room.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      name: true,
      kind: true,
      active: true,
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One room, active or not; throws `not_found` when there is none. */
export async function getRoom(id: string): Promise<RoomDirectoryEntry> {
  const [entry] = await roomEntries([id]);
  if (!entry) throw notFound("The room");
  return entry;
}

/**
 * Rooms matching every field of `search`, `limit` per page in (name, id) order after `cursor`.
 * Throws `invalid` at `cursor` for a cursor this search did not return.
 */
export async function searchRooms(search: DirectorySearch<RoomKind>, page: { limit: number; cursor?: string }) {
  const rows = await db().$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM room
    WHERE ${directoryConditions(search, page.cursor, "kind")}
    ORDER BY name, id
    LIMIT ${page.limit + 1}`;
  const { page: items, nextCursor } = pageOf(rows, page.limit);
  return { items: await roomEntries(items.map((r) => r.id)), nextCursor };
}
