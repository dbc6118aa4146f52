// Theatre lists (WL-5): each active theatre's morning and afternoon sessions on a day, with
// their booked arthroscopies in running order, utilisation and free gaps; and the reorder of one
// session's list, recorded and audited.
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn, dayOfColumn } from "@/lib/db/dates";
import { Prisma } from "@/lib/db/generated/client";
import { conflict, notFound } from "@/lib/domain/errors";
import { policiesOf } from "@/lib/domain/policies";
import {
  checkListOrder,
  runningOrder,
  sessionGaps,
  sessionOf,
  sessionsOfDay,
  utilisationOf,
  type TheatreSession,
} from "@/lib/domain/theatre-sessions";
import type { Day } from "@/lib/domain/time";
import type { TheatreListOrderInput, TheatreLists, TheatreSessionList } from "@/lib/schemas/theatre-list";
import { recordAudit, recordListRead } from "./audit";
import { refusal } from "./case-record";

const bookedInclude = {
  patient: { select: { id: true, givenName: true, familyName: true, mrn: true } },
  case: { select: { side: true } },
  clinician: { select: { id: true, name: true } },
  anaesthetist: { select: { id: true, name: true } },
  listPosition: true,
} as const;

type Theatre = { id: string; name: string };

/** The site's theatres (one, or every active one) and what is booked in them on `date`, as session lists. */
async function loadLists(tx: Tx, siteId: string, date: Day, only?: { roomId: string }) {
  const site = await tx.site.findUniqueOrThrow({ where: { id: siteId } });
  const policies = policiesOf(site.policies);
  const sessions = sessionsOfDay(date, policies.theatreSessions, site.timeZone);
  const theatres: Theatre[] = await tx.room.findMany({
    where: { siteId, kind: "theatre", ...(only ? { id: only.roomId } : { active: true }) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const from = sessions[0]!.start;
  const to = sessions[sessions.length - 1]!.end;
  // Everything booked in these theatres that touches the sessions: an arthroscopy starting
  // before the morning still takes the morning's first minutes (gaps).
  const booked = await tx.appointment.findMany({
    where: { roomId: { in: theatres.map((t) => t.id) }, status: "booked", startsAt: { lt: to }, endsAt: { gt: from } },
    include: bookedInclude,
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  const lists = theatres.flatMap((theatre) =>
    sessions.map((session) => {
      const inTheatre = booked.filter((a) => a.roomId === theatre.id);
      const items = inTheatre.filter(
        (a) => a.kind === "arthroscopy" && sessionOf(a.startsAt, sessions)?.name === session.name,
      );
      return present(theatre, session, date, items, inTheatre, policies.durations.arthroscopy);
    }),
  );
  return { timeZone: site.timeZone, lists };
}

type Booked = Prisma.AppointmentGetPayload<{ include: typeof bookedInclude }>;

/** A session's list as the API shows it; a recorded position counts while the appointment is still booked in that theatre, day and session. */
function present(
  theatre: Theatre,
  session: TheatreSession,
  date: Day,
  items: Booked[],
  inTheatre: Booked[],
  arthroscopyMinutes: number,
): TheatreSessionList & { patientIds: string[] } {
  const recorded = new Map<string, number>();
  for (const a of items) {
    const p = a.listPosition;
    if (p && p.roomId === theatre.id && dayOfColumn(p.sessionDay) === date && p.session === session.name)
      recorded.set(a.id, p.position);
  }
  const order = runningOrder(
    items.map((a) => ({ id: a.id, start: a.startsAt })),
    recorded,
  );
  const byId = new Map(items.map((a) => [a.id, a]));
  const ordered = order.map((id) => byId.get(id)!);
  const { utilisation, bookedMinutes, sessionMinutes } = utilisationOf(
    session,
    items.map((a) => ({ start: a.startsAt, end: a.endsAt })),
  );
  const gaps = sessionGaps(
    session,
    inTheatre.map((a) => ({ start: a.startsAt, end: a.endsAt })),
    arthroscopyMinutes,
  );
  return {
    theatre,
    session: session.name,
    start: session.start.toISOString(),
    end: session.end.toISOString(),
    utilisation,
    bookedMinutes,
    sessionMinutes,
    version: versionOf(order),
    items: ordered.map((a, index) => ({
      appointmentId: a.id,
      caseId: a.caseId,
      position: index + 1,
      start: a.startsAt.toISOString(),
      end: a.endsAt.toISOString(),
      surgeon: a.clinician,
      anaesthetist: a.anaesthetist,
      admission: a.admission,
      patient: {
        id: a.patient.id,
        name: `${a.patient.familyName.toUpperCase()}, ${a.patient.givenName}`,
        mrn: a.patient.mrn,
      },
      side: a.case.side,
    })),
    gaps: gaps.map((g) => ({ start: g.start.toISOString(), end: g.end.toISOString() })),
    patientIds: ordered.map((a) => a.patientId),
  };
}

/** A short digest of a list's arthroscopies in order: equal versions, same list. */
const versionOf = (order: string[]) => createHash("sha256").update(order.join(",")).digest("hex").slice(0, 16);

function withoutPatientIds(list: TheatreSessionList & { patientIds: string[] }): TheatreSessionList {
  const shown: Partial<typeof list> = { ...list };
  delete shown.patientIds;
  return shown as TheatreSessionList;
}

async function siteOf(tx: Tx, actor: Actor) {
  return (await tx.staff.findUniqueOrThrow({ where: { id: actor.id }, select: { siteId: true } })).siteId;
}

/**
 * The theatre lists of `date` (a calendar day at the actor's site): for every active theatre of
 * the site, its morning then afternoon session (policy `theatreSessions`, site time), with the
 * booked (not cancelled) arthroscopies that start in it in running order, utilisation, and free
 * gaps at least one arthroscopy (policy duration) long. Theatres by name. One audit row naming
 * every patient shown. Returns `{date, timeZone, sessions: [...]}`.
 */
export async function theatreLists(actor: Actor, date: Day): Promise<TheatreLists> {
  return db().$transaction(async (tx) => {
    const { timeZone, lists } = await loadLists(tx, await siteOf(tx, actor), date);
    await recordListRead(tx, actor, {
      action: "theatre_list.read",
      entity: "theatre_list",
      itemPatientIds: lists.flatMap((l) => l.patientIds),
    });
    return { date, timeZone, sessions: lists.map(withoutPatientIds) };
  });
}

/**
 * Records the running order of one session's list (WL-5): `appointmentIds` must be exactly the
 * session's booked arthroscopies, each once (else `rule` WL-5, nothing written); a `version`
 * other than the list's current one means the list changed since it was read (`conflict`
 * CONFLICT, nothing written); an unknown theatre of the actor's site is `not_found`. Reorders
 * of one theatre run one at a time (its row is locked). One audit row per arthroscopy with its
 * new position. Returns the session's list as `theatreLists` shows it.
 */
export async function reorderTheatreList(
  actor: Actor,
  input: TheatreListOrderInput,
  now = new Date(),
): Promise<TheatreSessionList> {
  return db().$transaction(async (tx) => {
    const siteId = await siteOf(tx, actor);
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM room WHERE id = ${input.roomId}::uuid AND site_id = ${siteId}::uuid AND kind = 'theatre' FOR UPDATE`;
    if (locked.length === 0)
      throw notFound("The theatre", { errors: [{ path: "roomId", message: "No such theatre" }] });
    const { lists } = await loadLists(tx, siteId, input.date, { roomId: input.roomId });
    const current = lists.find((l) => l.session === input.session)!;
    if (input.version !== undefined && input.version !== current.version)
      throw conflict("CONFLICT", "The list has changed since you loaded it: reload it and reorder again.");
    const refused = checkListOrder(
      current.items.map((i) => i.appointmentId),
      input.appointmentIds,
    );
    if (refused) throw refusal(refused);
    const ids = input.appointmentIds;
    await tx.theatreListPosition.deleteMany({ where: { appointmentId: { in: ids } } });
    await tx.theatreListPosition.createMany({
      data: ids.map((appointmentId, position) => ({
        appointmentId,
        roomId: input.roomId,
        sessionDay: dateColumn(input.date),
        session: input.session,
        position,
        recordedById: actor.id,
        recordedAt: now,
      })),
    });
    const patientOf = new Map(current.items.map((i) => [i.appointmentId, i.patient.id]));
    await recordAudit(
      tx,
      actor,
      ids.map((appointmentId, index) => ({
        action: "theatre_list.reorder",
        entity: "appointment",
        entityId: appointmentId,
        patientId: patientOf.get(appointmentId),
        detail: { roomId: input.roomId, date: input.date, session: input.session, position: index + 1 },
      })),
    );
    const after = await loadLists(tx, siteId, input.date, { roomId: input.roomId });
    return withoutPatientIds(after.lists.find((l) => l.session === input.session)!);
  });
}
