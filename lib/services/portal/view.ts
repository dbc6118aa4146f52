// What the patient sees on their own page, and their calendar feed: read through the link's token
// (access.ts), each access audited with the patient as the actor. A link that opens nothing shows
// no patient data, only why.
import { patientAppointmentTitle } from "@/lib/domain/plan-message";
import { db, type Tx } from "@/lib/db/client";
import { dateColumn } from "@/lib/db/dates";
import { formatDateTime } from "@/lib/domain/date-format";
import { DomainError } from "@/lib/domain/errors";
import { policiesOf } from "@/lib/domain/policies";
import { dayOf, type Day } from "@/lib/domain/time";
import type { MoveRequestStatus } from "@/lib/domain/vocabulary";
import type { CarePlanView } from "@/lib/schemas/case";
import { recordPatientAudit } from "../audit";
import { carePlanIn } from "../cases";
import { patientCalendarFile } from "../patient-calendar";
import { openPortal, type PortalSession } from "./access";
import { caseForReportedScores } from "./pain-reports";

/** Why a link opens nothing: no such link, withdrawn by staff, or past its expiry. */
export type PortalRefusal = "unknown" | "revoked" | "expired";

/** An upcoming appointment on the patient's page, its times on the site's clock. */
export type PortalPageAppointment = {
  id: string;
  /** "Wound dressing by a nurse". */
  what: string;
  /** "Thu, 3 Dec 2026, 10:30" at the site. */
  when: string;
  /** The room and the clinic, or "At home". */
  where: string;
  /** Whether the patient may still ask to move it: it has not started yet. */
  movable: boolean;
  /** The newest request to move it: requestedAt as "Thu, 3 Dec 2026, 10:30" at the site. */
  moveRequest: { status: MoveRequestStatus; requestedAt: string; response: string | null } | null;
};

/** The patient's page: whose, from which clinic, until when the link works, and what it shows. */
export type PortalPage = {
  givenName: string;
  clinic: { name: string; phone: string | null };
  timeZone: string;
  /** The site's calendar day at the moment of reading. */
  today: Day;
  /** The link's expiry, "Tue 2 Mar 2027, 10:00" at the site. */
  linkExpires: string;
  appointments: PortalPageAppointment[];
  /** The plan after the newest operation, or null before any operation. */
  plan: CarePlanView | null;
  /** Whether the patient has a case to report a pain score on (caseForReportedScores). */
  canReportPain: boolean;
  /** The score the patient reported today (the site's day), if any. */
  painToday: { score: number } | null;
};

/** What a token gives: the page, or why not (with no patient data). */
export type PortalReading<T> = { state: "open"; value: T } | { state: PortalRefusal };

const refusalOf = (error: unknown): PortalRefusal | null => {
  if (!(error instanceof DomainError)) return null;
  if (error.code === "PORTAL_LINK_REVOKED") return "revoked";
  if (error.code === "PORTAL_LINK_EXPIRED") return "expired";
  return error.kind === "not_found" ? "unknown" : null;
};

/** Runs `read` on the page `token` opens, in one transaction; throws openPortal's refusals. */
function throughLink<T>(token: string, now: Date, read: (tx: Tx, session: PortalSession) => Promise<T>): Promise<T> {
  return db().$transaction(async (tx) => read(tx, await openPortal(tx, token, now)));
}

/** `read`'s value, or why the link opens nothing (no other error is caught). */
async function orRefusal<T>(read: () => Promise<T>): Promise<PortalReading<T>> {
  try {
    return { state: "open", value: await read() };
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { state: refusal };
    throw error;
  }
}

/** The site the link was given at: its name, zone and phone number. */
async function siteOfLink(tx: Tx, linkId: string) {
  const { createdBy } = await tx.portalLink.findUniqueOrThrow({
    where: { id: linkId },
    select: { createdBy: { select: { site: { select: { name: true, timeZone: true, policies: true } } } } },
  });
  return createdBy.site;
}

/**
 * The patient's page that `token` opens at `now`: their booked appointments from now on, the plan
 * after their newest operation, today's reported pain score. Audited ("portal.page_read", the
 * patient as the actor). A token that opens nothing answers its refusal and reads nothing.
 */
export async function readPortalPage(token: string, now = new Date()): Promise<PortalReading<PortalPage>> {
  return orRefusal(() =>
    throughLink(token, now, async (tx, session) => {
      const site = await siteOfLink(tx, session.linkId);
      const zone = site.timeZone;
      const today = dayOf(now, zone);
      const patient = await tx.patient.findUniqueOrThrow({
        where: { id: session.patientId },
        select: { givenName: true },
      });
      const appointments = await tx.appointment.findMany({
        where: { patientId: session.patientId, status: "booked", endsAt: { gt: now } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        take: 100,
        select: {
          id: true,
          kind: true,
          startsAt: true,
          room: { select: { name: true } },
          site: { select: { name: true } },
          moveRequests: {
            orderBy: { requestedAt: "desc" },
            take: 1,
            select: { status: true, requestedAt: true, response: true },
          },
        },
      });
      const operated = await tx.clinicalCase.findFirst({
        where: { patientId: session.patientId, carePlan: { isNot: null } },
        orderBy: { carePlan: { operationDay: "desc" } },
        select: { id: true },
      });
      const plan = operated ? (await carePlanIn(tx, operated.id)).plan : null;
      const scoredCase = await caseForReportedScores(tx, session.patientId);
      const pain = await tx.painScore.findFirst({
        where: { case: { patientId: session.patientId }, source: "patient", recordedOn: dateColumn(today) },
        orderBy: { recordedAt: "desc" },
        select: { score: true },
      });
      await recordPatientAudit(tx, session.patientId, [
        {
          action: "portal.page_read",
          entity: "portal_link",
          entityId: session.linkId,
          detail: { appointments: appointments.length, plan: plan !== null },
        },
      ]);
      return {
        givenName: patient.givenName,
        clinic: { name: site.name, phone: policiesOf(site.policies).clinicPhone },
        timeZone: zone,
        today,
        linkExpires: formatDateTime(session.expiresAt, zone),
        appointments: appointments.map((a) => {
          const request = a.moveRequests[0];
          return {
            id: a.id,
            what: patientAppointmentTitle[a.kind],
            when: formatDateTime(a.startsAt, zone),
            where: a.room ? `${a.room.name}, ${a.site.name}` : a.kind === "dressing" ? "At home" : a.site.name,
            movable: a.startsAt > now,
            moveRequest: request
              ? {
                  status: request.status,
                  requestedAt: formatDateTime(request.requestedAt, zone),
                  response: request.response,
                }
              : null,
          };
        }),
        plan,
        canReportPain: scoredCase !== null,
        painToday: pain ? { score: pain.score } : null,
      };
    }),
  );
}

/** How far back the calendar feed reaches: a calendar app keeps what it was given before. */
export const feedPastDays = 30;

/**
 * The patient's appointments as a subscribed calendar (webcal) at `now`: from `feedPastDays` ago
 * on, the cancelled ones too as STATUS:CANCELLED, each with one UID for its whole life and a
 * SEQUENCE that counts its moves and cancellation, and LAST-MODIFIED at its newest change, so a
 * calendar app that polls the feed updates a moved appointment and removes a cancelled one.
 * Audited ("portal.calendar_read", the patient as the actor). Throws openPortal's DomainErrors for
 * a token that opens nothing: `not_found`, `forbidden` PORTAL_LINK_REVOKED / PORTAL_LINK_EXPIRED.
 */
export async function readPortalCalendar(token: string, now = new Date()): Promise<string> {
  return throughLink(token, now, async (tx, session) => {
    const site = await siteOfLink(tx, session.linkId);
    const appointments = await tx.appointment.findMany({
      where: {
        patientId: session.patientId,
        startsAt: { gte: new Date(now.getTime() - feedPastDays * 24 * 60 * 60 * 1000) },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      take: 500,
      include: {
        room: { select: { name: true } },
        site: { select: { name: true } },
        events: { select: { action: true, at: true }, orderBy: { id: "asc" } },
      },
    });
    await recordPatientAudit(tx, session.patientId, [
      {
        action: "portal.calendar_read",
        entity: "portal_link",
        entityId: session.linkId,
        detail: { appointments: appointments.length },
      },
    ]);
    return patientCalendarFile(
      `${site.name}: your appointments`,
      appointments.map((a) => ({ ...a, siteName: a.site.name })),
      now,
    );
  });
}
