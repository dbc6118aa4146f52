// The patient's page links: made by reception or the surgeon (the token shown once, kept only as
// its SHA-256, and never in clear in the outbox), withdrawn, expired; the page and its calendar
// feed read through the link, audited with the patient as the actor, and rate-limited.
import { call, signInAs } from "../setup/routes";
import { createHash } from "node:crypto";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { dateColumn } from "@/lib/db/dates";
import { runDueJobs } from "@/lib/jobs/worker";
import { hiddenLinkToken } from "@/lib/messages/sealed-link";
import { createTransports } from "@/lib/messages/transports";
import { isRefusal, limitPortalRequest, portalLimits } from "@/lib/http/portal-limit";
import { bookAppointment, cancelAppointment, moveAppointment } from "@/lib/services/appointments";
import { deliverMessage } from "@/lib/services/messages/delivery";
import { issuePortalLink } from "@/lib/services/portal/links";
import { readPortalPage } from "@/lib/services/portal/view";
import { now, siteAt, today } from "../setup/clock";
import { createActor } from "../setup/db";
import { isolatedDatabase } from "../setup/isolated";
import { startTestMailbox, type TestMailbox } from "../setup/mail";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { createRooms, giveHours } from "../setup/scheduling";

const database = isolatedDatabase();
let team: Team;
let mailbox: TestMailbox;
let admin: Actor;

beforeAll(async () => {
  // The rate limits' store reaches the database by the app's own setting.
  process.env.DATABASE_URL = database.url();
  mailbox = await startTestMailbox();
  team = await createTeam(database.prisma());
  admin = await createActor(database.prisma(), "admin");
  await giveHours(database.prisma(), team.surgeon);
  await createRooms(database.prisma(), team.reception, "consulting", 2);
});
afterAll(() => mailbox.close());

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
let addressCount = 0;
/** A client address of its own for each request group, so the tests do not share rate limits. */
const newAddress = () => `192.0.2.${++addressCount}`;

/** A patient who agrees to email and SMS, with an address for both. */
async function consentingPatient() {
  return database.prisma().patient.create({
    data: {
      givenName: "Pat",
      familyName: `Portal${Math.random().toString(36).slice(2, 8)}`,
      birthDate: new Date("1985-03-04"),
      sex: "female",
      email: `pat-${Math.random().toString(36).slice(2)}@example.org`,
      phone: "07700 900456",
      contactByEmail: true,
      contactBySms: true,
    },
  });
}

async function makeLink(actor: Actor, patientId: string) {
  await signInAs(database.prisma(), actor);
  return call("POST", "/api/v1/patients/{id}/portal-links", { params: { id: patientId } });
}

const tokenOf = (url: string) => new URL(url).pathname.split("/").at(-1)!;

describe("making a link to the patient's page", () => {
  it("answers 201 with a 43-character token in the url, stores only its SHA-256, and never keeps the token in clear in the outbox", async () => {
    const patient = await consentingPatient();
    const response = await makeLink(team.reception, patient.id);
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.url).toMatch(/^http:\/\/clinic\.test\/portal\/[A-Za-z0-9_-]{43}$/);
    expect(body.sentBy).toEqual(["email", "sms"]);
    const token = tokenOf(body.url);
    const link = await db().portalLink.findUniqueOrThrow({ where: { id: body.id } });
    expect(link.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(link)).not.toContain(token);
    // The portal-link policy: 90 days by default.
    expect(link.expiresAt.getTime() - now().getTime()).toBe(90 * 24 * 60 * 60 * 1000);
    expect(body.expiresAt).toBe(link.expiresAt.toISOString());

    const messages = await db().$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM message WHERE patient_id = ${patient.id}::uuid AND kind = 'portal_link'`;
    expect(messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    for (const message of messages) {
      expect(JSON.stringify(message)).not.toContain(token);
      expect(message.body).toContain(`http://clinic.test/portal/${hiddenLinkToken}`);
      expect(message.link_secret).toMatch(/^v1\./);
    }
    // Nothing else in the database holds the token in clear either: the audit row names the link.
    const audit = await db().$queryRaw<Record<string, unknown>[]>`
      SELECT action, entity, entity_id, detail::text AS detail FROM audit_event WHERE entity_id = ${body.id}`;
    expect(audit.map((a) => a.action)).toEqual(["portal.link_issue"]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("withdraws the patient's earlier working links when a new one is made, audited, with their waiting messages cancelled; five made at once leave one working", async () => {
    const patient = await consentingPatient();
    const first = await (await makeLink(team.reception, patient.id)).json();
    const second = await (await makeLink(team.surgeon, patient.id)).json();
    expect(await readPortalPage(tokenOf(first.url))).toEqual({ state: "revoked" });
    expect((await readPortalPage(tokenOf(second.url))).state).toBe("open");
    expect(await db().portalLink.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      revokedAt: now(),
      revokedById: team.surgeon.id,
    });
    const revoked = await db().auditEvent.findMany({ where: { action: "portal.link_revoke", entityId: first.id } });
    expect(revoked).toMatchObject([
      { actorId: team.surgeon.id, patientId: patient.id, detail: { replacedBy: second.id } },
    ]);
    const firstMessages = await db().message.findMany({
      where: { dedupeKey: { startsWith: `portal_link:${first.id}:` } },
    });
    expect(firstMessages.map((m) => [m.status, m.linkSecret])).toEqual([
      ["cancelled", null],
      ["cancelled", null],
    ]);
    const secondMessages = await db().message.findMany({
      where: { dedupeKey: { startsWith: `portal_link:${second.id}:` } },
    });
    expect(secondMessages.map((m) => m.status)).toEqual(["queued", "queued"]);

    await signInAs(database.prisma(), team.reception);
    const made = await Promise.all(
      Array.from({ length: 5 }, () =>
        call("POST", "/api/v1/patients/{id}/portal-links", { params: { id: patient.id } }),
      ),
    );
    expect(made.map((r) => r.status)).toEqual(Array(5).fill(201));
    const working = await db().portalLink.findMany({ where: { patientId: patient.id, revokedAt: null } });
    expect(working).toHaveLength(1);
  });

  it("sends the link with its token only as the message is handed over, then erases the sealed copy", async () => {
    const patient = await consentingPatient();
    const body = await (await makeLink(team.surgeon, patient.id)).json();
    const transports = createTransports({ smtpUrl: mailbox.url });
    await runDueJobs(database.url(), { transports, clock: now });
    transports.close();
    const mail = mailbox.received.find((m) => JSON.stringify(m.to).includes(patient.email!));
    expect(mail?.subject).toMatch(/^Your page at /);
    expect(mail?.text).toContain(body.url);
    const rows = await db().message.findMany({ where: { patientId: patient.id, kind: "portal_link" } });
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    for (const row of rows) {
      expect(row.linkSecret).toBeNull();
      expect(row.body).not.toContain(tokenOf(body.url));
    }
  });

  it("erases the sealed token when the message fails at its last attempt, and when staff cancel it", async () => {
    const patient = await consentingPatient();
    await makeLink(team.reception, patient.id);
    const [email, sms] = await db().message.findMany({
      where: { patientId: patient.id, kind: "portal_link" },
      orderBy: { channel: "asc" },
    });
    const broken = createTransports({ smtpUrl: "smtp://127.0.0.1:9" });
    expect(await deliverMessage(email!.id, broken, { attempt: 1, maxAttempts: 1 }, now())).toBe("failed");
    broken.close();
    expect(await db().message.findUniqueOrThrow({ where: { id: email!.id } })).toMatchObject({
      status: "failed",
      linkSecret: null,
    });
    await db().message.update({ where: { id: sms!.id }, data: { status: "cancelled" } });
    expect((await db().message.findUniqueOrThrow({ where: { id: sms!.id } })).linkSecret).toBeNull();
  });

  it("answers a replay for the same Idempotency-Key without the link's address", async () => {
    const patient = await consentingPatient();
    await signInAs(database.prisma(), team.reception);
    const send = () =>
      call("POST", "/api/v1/patients/{id}/portal-links", {
        params: { id: patient.id },
        headers: { "idempotency-key": `portal-${patient.id}` },
      });
    const first = await (await send()).json();
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(await replay.json()).toMatchObject({ id: first.id, url: null });
    expect(await db().portalLink.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it("queues no message for a patient who has not agreed to be contacted, and says so", async () => {
    const patient = await database.prisma().patient.create({
      data: { givenName: "No", familyName: "Contact", birthDate: new Date("1970-01-01"), sex: "male" },
    });
    const body = await (await makeLink(team.reception, patient.id)).json();
    expect(body.sentBy).toEqual([]);
    expect(await db().message.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("refuses the roles that do not give patients their page: 403 for a nurse and the administrator", async () => {
    const patient = await consentingPatient();
    for (const actor of [team.nurse, admin]) {
      expect((await makeLink(actor, patient.id)).status).toBe(403);
      expect((await call("GET", "/api/v1/patients/{id}/portal-links", { params: { id: patient.id } })).status).toBe(
        403,
      );
    }
    await signInAs(database.prisma(), null);
    expect((await call("POST", "/api/v1/patients/{id}/portal-links", { params: { id: patient.id } })).status).toBe(401);
  });

  it("answers 404 for an unknown patient", async () => {
    expect((await makeLink(team.reception, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("listing and withdrawing links", () => {
  it("lists the links without their tokens; withdrawing stops the page at once, and withdrawing twice is harmless", async () => {
    const patient = await consentingPatient();
    const made = await (await makeLink(team.reception, patient.id)).json();
    const token = tokenOf(made.url);
    expect((await readPortalPage(token)).state).toBe("open");

    const listed = await call("GET", "/api/v1/patients/{id}/portal-links", { params: { id: patient.id } });
    const list = await listed.json();
    expect(JSON.stringify(list)).not.toContain(token);
    expect(list.items).toEqual([
      expect.objectContaining({ id: made.id, state: "active", createdBy: "Test reception", revokedAt: null }),
    ]);
    expect(list.items[0].lastUsedAt).toBe(now().toISOString());

    await signInAs(database.prisma(), team.surgeon);
    const first = await call("DELETE", "/api/v1/portal-links/{id}", { params: { id: made.id } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ state: "revoked", revokedBy: "Test surgeon" });
    const again = await call("DELETE", "/api/v1/portal-links/{id}", { params: { id: made.id } });
    expect(again.status).toBe(200);
    expect(await db().auditEvent.count({ where: { action: "portal.link_revoke", entityId: made.id } })).toBe(1);

    expect(await readPortalPage(token)).toEqual({ state: "revoked" });
    const feed = await call("GET", "/portal/{token}/calendar.ics", {
      params: { token },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(feed.status).toBe(403);
    const problem = await feed.json();
    expect(problem.code).toBe("PORTAL_LINK_REVOKED");
    expect(JSON.stringify(problem)).not.toContain(patient.familyName);
  });

  it("refuses a nurse's withdrawal with 403 and answers 404 for an unknown link", async () => {
    const patient = await consentingPatient();
    const made = await (await makeLink(team.reception, patient.id)).json();
    await signInAs(database.prisma(), team.nurse);
    expect((await call("DELETE", "/api/v1/portal-links/{id}", { params: { id: made.id } })).status).toBe(403);
    await signInAs(database.prisma(), team.reception);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call("DELETE", "/api/v1/portal-links/{id}", { params: { id: unknown } })).status).toBe(404);
  });

  it("shows an expired link as expired, and it opens nothing", async () => {
    const patient = await consentingPatient();
    const madeAt = new Date(now().getTime() - 91 * 24 * 60 * 60 * 1000);
    const link = await issuePortalLink(team.reception, patient.id, (t) => `http://clinic.test/portal/${t}`, madeAt);
    expect(await readPortalPage(link.token)).toEqual({ state: "expired" });
    await signInAs(database.prisma(), team.reception);
    const list = await (await call("GET", "/api/v1/patients/{id}/portal-links", { params: { id: patient.id } })).json();
    expect(list.items[0]).toMatchObject({ id: link.id, state: "expired", lastUsedAt: null });
    expect(await readPortalPage("x".repeat(43))).toEqual({ state: "unknown" });
  });
});

describe("the patient's page and calendar feed", () => {
  it("shows an operated patient's upcoming appointments at the site's times, the plan and today's reported pain, audited with the patient as the actor", async () => {
    const { caseId, patientId } = await caseAt(team, "operated", { operatedDaysAgo: 3 });
    const booked = await bookAppointment(team.reception, {
      caseId,
      kind: "follow_up",
      start: siteAt(2, 9, 30).toISOString(),
    });
    await database.prisma().painScore.create({
      data: { caseId, recordedOn: dateColumn(today()), score: 4, source: "patient" },
    });
    const link = await issuePortalLink(team.reception, patientId, (t) => `http://clinic.test/portal/${t}`);
    const reading = await readPortalPage(link.token);
    if (reading.state !== "open") throw new Error(`the page did not open: ${reading.state}`);
    const page = reading.value;
    expect(page.givenName).toBe("Case");
    const followUp = page.appointments.find((a) => a.id === booked.id);
    expect(followUp).toMatchObject({ what: "Follow-up with your surgeon", moveRequest: null });
    expect(followUp!.when).toMatch(/, 09:30$/);
    expect(page.plan?.caseId).toBe(caseId);
    expect(page.plan?.dressings.length).toBeGreaterThan(0);
    expect(page.painToday).toEqual({ score: 4 });

    const audit = await db().auditEvent.findMany({ where: { action: "portal.page_read", entityId: link.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, actorPatientId: patientId, patientId });
  });

  it("publishes the feed with a moved appointment at its new time and a cancelled one as STATUS:CANCELLED, audited with the patient as the actor", async () => {
    const { caseId, patientId } = await caseAt(team, "referred");
    const first = await bookAppointment(team.reception, {
      caseId,
      kind: "consultation",
      start: siteAt(3, 10).toISOString(),
    });
    const second = await bookAppointment(team.reception, {
      caseId,
      kind: "consultation",
      start: siteAt(4, 10).toISOString(),
    });
    const link = await issuePortalLink(team.reception, patientId, (t) => `http://clinic.test/portal/${t}`);
    const feed = async () => {
      const response = await call("GET", "/portal/{token}/calendar.ics", {
        params: { token: link.token },
        headers: { "x-forwarded-for": newAddress() },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      return calendar.getAllSubcomponents("vevent").map((vevent) => {
        const event = new ICAL.Event(vevent);
        return {
          uid: event.uid,
          sequence: event.sequence,
          status: vevent.getFirstPropertyValue("status"),
          start: event.startDate.toJSDate().toISOString(),
          lastModified: (vevent.getFirstPropertyValue("last-modified") as ICAL.Time | null)?.toJSDate(),
        };
      });
    };
    const before = await feed();
    expect(before.map((e) => e.uid)).toEqual([`${first.id}@ankle-pathway`, `${second.id}@ankle-pathway`]);

    await moveAppointment(team.reception, first.id, { start: siteAt(5, 11).toISOString(), reason: "Patient asked" });
    await cancelAppointment(team.reception, second.id, { reason: "Patient better" });
    const after = await feed();
    const moved = after.find((e) => e.uid === `${first.id}@ankle-pathway`)!;
    const cancelled = after.find((e) => e.uid === `${second.id}@ankle-pathway`)!;
    expect(moved).toMatchObject({ sequence: 1, status: "CONFIRMED", start: siteAt(5, 11).toISOString() });
    expect(cancelled).toMatchObject({ sequence: 1, status: "CANCELLED" });
    expect(moved.lastModified).toBeInstanceOf(Date);

    const audit = await db().auditEvent.findMany({ where: { action: "portal.calendar_read", entityId: link.id } });
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actorPatientId === patientId && a.actorId === null)).toBe(true);
  });

  it("answers 404 with no data for a feed whose token is no link", async () => {
    const response = await call("GET", "/portal/{token}/calendar.ics", {
      params: { token: "A".repeat(43) },
      headers: { "x-forwarded-for": newAddress() },
    });
    expect(response.status).toBe(404);
    expect((await response.json()).code).toBe("NOT_FOUND");
  });
});

describe("rate limits of the patient's page", () => {
  const request = (address: string) =>
    new Request("http://clinic.test/portal/x", { headers: { "x-forwarded-for": `203.0.113.250, ${address}` } });

  it("tells the limiter's refusal by its shape, whichever copy of the library made it, from a store failure", () => {
    expect(isRefusal({ msBeforeNext: 1500, remainingPoints: 0, consumedPoints: 61, isFirstInDuration: false })).toBe(
      true,
    );
    expect(isRefusal(new Error("connection refused"))).toBe(false);
    expect(isRefusal(null)).toBe(false);
  });

  it("answers 429 with Retry-After once a link is used more often than its limit, from anywhere", async () => {
    const patient = await consentingPatient();
    const link = await issuePortalLink(team.reception, patient.id, (t) => `http://clinic.test/portal/${t}`);
    for (let i = 0; i < portalLimits.link.points; i++) {
      // Spread over addresses: the link's own limit counts them all.
      expect(await limitPortalRequest(request(newAddress()), link.token)).toBeNull();
    }
    const refused = await limitPortalRequest(request(newAddress()), link.token);
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused!.json()).code).toBe("TOO_MANY_REQUESTS");
  });

  it("shuts out an address that tries tokens that are no link, harder than others, also for a real link afterwards", async () => {
    const patient = await consentingPatient();
    const link = await issuePortalLink(team.reception, patient.id, (t) => `http://clinic.test/portal/${t}`);
    const guesser = newAddress();
    for (let i = 0; i < portalLimits.unknown.points; i++) {
      const response = await call("GET", "/portal/{token}/calendar.ics", {
        params: { token: `${"B".repeat(40)}${String(i).padStart(3, "0")}` },
        headers: { "x-forwarded-for": guesser },
      });
      expect(response.status).toBe(404);
    }
    const refused = await call("GET", "/portal/{token}/calendar.ics", {
      params: { token: "C".repeat(43) },
      headers: { "x-forwarded-for": guesser },
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
    expect(await limitPortalRequest(request(guesser), link.token)).not.toBeNull();
    // Another address, with the real link, goes on.
    expect(await limitPortalRequest(request(newAddress()), link.token)).toBeNull();
  });
});
