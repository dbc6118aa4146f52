import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dayOf } from "@/lib/domain/time";

/** The actor's site, with today's date in its time zone: what pages need to show local days. */
export async function actorSite(actor: Actor, now = new Date()) {
  const { site } = await db().staff.findUniqueOrThrow({ where: { id: actor.id }, include: { site: true } });
  return { id: site.id, name: site.name, timeZone: site.timeZone, today: dayOf(now, site.timeZone) };
}
