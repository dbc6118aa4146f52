// The outbox staff see, through the HTTP edge: GET /api/v1/messages (reception and the
// administrator only, newest first page by page, filtered, audited as a list read) and a failed
// message tried again (queued with a new delivery job, which the real worker then sends) or marked
// handled. A request in the wrong state changes nothing. In a database of its own: a retried
// message's job is run by the worker here.
import { call, callRoute, origin, signInAs } from "../setup/routes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Role } from "@/lib/auth/policy";
import { runDueJobs } from "@/lib/jobs/worker";
import { createTransports } from "@/lib/messages/transports";
import type { MessageView } from "@/lib/schemas/outbox";
import { minutesFromNow, now } from "../setup/clock";
import { createActor } from "../setup/db";
import { isolatedDatabase } from "../setup/isolated";
import { startTestMailbox, type TestMailbox } from "../setup/mail";

const database = isolatedDatabase();
const prisma = () => database.prisma();
const staff = {} as Record<Role, Actor>;
let mailbox: TestMailbox;

beforeAll(async () => {
  for (const role of ["reception", "admin", "nurse", "surgeon", "anaesthetist", "physio"] as const)
    staff[role] = await createActor(prisma(), role);
  mailbox = await startTestMailbox();
});
afterAll(() => mailbox.close());

let serial = 0;
async function newPatient() {
  serial += 1;
  return prisma().patient.create({
    data: {
      givenName: "Iris",
      familyName: `Outbox${serial}`,
      birthDate: new Date("1980-02-29"),
      sex: "female",
      email: `iris-${serial}@example.org`,
      contactByEmail: true,
    },
  });
}

type State = "queued" | "retrying" | "sent" | "failed" | "handled" | "cancelled";

/** A message to `patientId` in `state`, written `createdAt`, as the queue and the worker leave it. */
async function message(patientId: string, state: State, createdAt = minutesFromNow(-60)) {
  const failed = state === "failed" || state === "handled";
  return prisma().message.create({
    data: {
      patientId,
      channel: "email",
      kind: "reminder",
      recipient: "iris@example.org",
      subject: "A reminder",
      body: "Dear Iris,\n\nYour dressing visit is tomorrow.",
      sendAfter: createdAt,
      createdAt,
      status: state === "retrying" || state === "queued" ? "queued" : state === "handled" ? "failed" : state,
      attempts: state === "queued" ? 0 : state === "sent" ? 1 : state === "retrying" ? 2 : failed ? 8 : 0,
      lastError: state === "retrying" || failed ? "connect ECONNREFUSED 127.0.0.1:2525" : null,
      sentAt: state === "sent" ? createdAt : null,
      deliveredVia: state === "sent" ? "smtp" : null,
      failedAt: failed ? createdAt : null,
      handledAt: state === "handled" ? createdAt : null,
      handledById: state === "handled" ? staff.reception.id : null,
    },
  });
}

async function get(actor: Actor, query = "") {
  await signInAs(prisma(), actor);
  return callRoute("get", "/api/v1/messages", {}, query);
}

async function post(actor: Actor, what: "retry" | "handled", id: string, headers: Record<string, string> = {}) {
  await signInAs(prisma(), actor);
  return call("post", `/api/v1/messages/{id}/${what}`, { params: { id }, headers });
}

const newestAudit = async (action: string) =>
  prisma().auditEvent.findFirst({ where: { action }, orderBy: { id: "desc" } });

describe("GET /api/v1/messages", () => {
  for (const role of ["nurse", "surgeon", "anaesthetist", "physio"] as const) {
    it(`refuses the ${role} (403): messages are reception's and the administrator's`, async () => {
      expect((await get(staff[role])).status).toBe(403);
    });
  }

  for (const role of ["reception", "admin"] as const) {
    it(`answers the ${role} a patient's messages with their states and patient, and the text to reception only`, async () => {
      const patient = await newPatient();
      const failed = await message(patient.id, "failed");
      const response = await get(staff[role], `?patientId=${patient.id}`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { items: MessageView[]; nextCursor: string | null };
      expect(body.nextCursor).toBeNull();
      expect(body.items).toEqual([
        expect.objectContaining({
          id: failed.id,
          channel: "email",
          kind: "reminder",
          status: "failed",
          to: "iris@example.org",
          subject: "A reminder",
          body: role === "reception" ? expect.stringContaining("Dear Iris") : null,
          error: "connect ECONNREFUSED 127.0.0.1:2525",
          attempts: 8,
          failedAt: failed.failedAt!.toISOString(),
          handledAt: null,
          patient: { id: patient.id, name: `OUTBOX${serial}, Iris`, mrn: patient.mrn },
        }),
      ]);
    });
  }

  it("pages a patient's messages newest first, each once, ties of the same instant included", async () => {
    const patient = await newPatient();
    const same = minutesFromNow(-30);
    const written = [
      await message(patient.id, "sent", minutesFromNow(-90)),
      await message(patient.id, "queued", same),
      await message(patient.id, "failed", same),
      await message(patient.id, "cancelled", same),
      await message(patient.id, "retrying", minutesFromNow(-10)),
    ];
    const expected = [...written]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((m) => m.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(
        staff.reception,
        `?patientId=${patient.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: MessageView[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it("filters by state, and `flagged=true` lists only failed messages no one has handled", async () => {
    const patient = await newPatient();
    const failed = await message(patient.id, "failed");
    await message(patient.id, "handled");
    const sent = await message(patient.id, "sent");
    const ids = async (query: string) =>
      (
        (await (await get(staff.reception, `?patientId=${patient.id}${query}`)).json()) as { items: MessageView[] }
      ).items
        .map((m) => m.id)
        .sort();
    expect(await ids("&status=sent")).toEqual([sent.id]);
    expect(await ids("&flagged=true")).toEqual([failed.id]);
    expect(await ids("&flagged=true&status=sent")).toEqual([]);
  });

  it("records the read as one audit row naming the patients shown", async () => {
    const patient = await newPatient();
    await message(patient.id, "sent");
    await message(patient.id, "failed");
    expect((await get(staff.admin, `?patientId=${patient.id}`)).status).toBe(200);
    expect(await newestAudit("message.read")).toMatchObject({
      actorId: staff.admin.id,
      entity: "message",
      patientIds: [patient.id],
      itemCount: 2,
    });
  });

  const bad: [string, string][] = [
    ["?limit=0", "limit"],
    ["?limit=101", "limit"],
    ["?status=lost", "status"],
    ["?patientId=P000123", "patientId"],
    ["?flagged=yes", "flagged"],
    ["?cursor=not-a-cursor", "cursor"],
  ];
  for (const [query, path] of bad) {
    it(`refuses ${query} with 400 at path ${path}`, async () => {
      const response = await get(staff.reception, query);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: "VALIDATION",
        errors: [expect.objectContaining({ path })],
      });
    });
  }
});

describe("POST /api/v1/messages/{id}/retry", () => {
  it("puts a failed message back on the queue, unflagged and audited, and the worker then sends it", async () => {
    const patient = await newPatient();
    const failed = await message(patient.id, "failed");
    const response = await post(staff.reception, "retry", failed.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: failed.id, status: "queued", failedAt: null, handledAt: null });
    const job = await prisma().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE key = ${`message:${failed.id}`}`;
    expect(Number(job[0]!.n)).toBe(1);
    expect(await newestAudit("message.retry")).toMatchObject({
      actorId: staff.reception.id,
      entityId: failed.id,
      patientId: patient.id,
    });

    const transports = createTransports({ smtpUrl: mailbox.url });
    await runDueJobs(database.url(), { transports, clock: now });
    transports.close();
    expect(await prisma().message.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "sent",
      attempts: 9,
    });
    expect(mailbox.received.some((m) => m.subject === "A reminder")).toBe(true);
  });

  it("retries a failed message someone had marked handled, clearing the mark", async () => {
    const patient = await newPatient();
    const handled = await message(patient.id, "handled");
    const response = await post(staff.admin, "retry", handled.id);
    expect(response.status).toBe(200);
    expect(await prisma().message.findUniqueOrThrow({ where: { id: handled.id } })).toMatchObject({
      status: "queued",
      handledAt: null,
      handledById: null,
    });
  });

  it("refuses to retry a failed patient-page link message (409 MESSAGE_LINK_GONE): its token is not kept, nothing changes", async () => {
    const patient = await newPatient();
    const failed = await message(patient.id, "failed");
    await prisma().message.update({ where: { id: failed.id }, data: { kind: "portal_link" } });
    const response = await post(staff.reception, "retry", failed.id);
    expect(response.status).toBe(409);
    expect((await response.json()).code).toBe("MESSAGE_LINK_GONE");
    expect(await prisma().message.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      status: "failed",
      failedAt: failed.failedAt,
    });
  });

  for (const state of ["queued", "retrying", "sent", "cancelled"] as const) {
    it(`refuses a ${state} message with 409 MESSAGE_NOT_FAILED and changes nothing`, async () => {
      const patient = await newPatient();
      const row = await message(patient.id, state);
      const audits = await prisma().auditEvent.count({ where: { entityId: row.id } });
      const response = await post(staff.reception, "retry", row.id);
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: "MESSAGE_NOT_FAILED" });
      expect(await prisma().message.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
      const jobs = await prisma().$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE key = ${`message:${row.id}`}`;
      expect(Number(jobs[0]!.n)).toBe(0);
      expect(await prisma().auditEvent.count({ where: { entityId: row.id } })).toBe(audits);
    });
  }

  it("answers 404 for a message that does not exist", async () => {
    expect((await post(staff.reception, "retry", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("refuses the nurse (403)", async () => {
    const patient = await newPatient();
    const failed = await message(patient.id, "failed");
    expect((await post(staff.nurse, "retry", failed.id)).status).toBe(403);
    expect((await prisma().message.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("failed");
  });

  it("refuses a request from another site's page (403) and takes one from its own without a body", async () => {
    const patient = await newPatient();
    const failed = await message(patient.id, "failed");
    expect((await post(staff.reception, "retry", failed.id, { origin: "http://elsewhere.test" })).status).toBe(403);
    expect((await prisma().message.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("failed");
    expect((await post(staff.reception, "retry", failed.id, { origin })).status).toBe(200);
  });
});

describe("POST /api/v1/messages/{id}/handled", () => {
  it("marks a failed message handled by the receptionist: it stays failed, leaves the flagged list, audited", async () => {
    const patient = await newPatient();
    const failed = await message(patient.id, "failed");
    const response = await post(staff.reception, "handled", failed.id, { origin });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "failed",
      handledAt: now().toISOString(),
      handledBy: { id: staff.reception.id, name: staff.reception.name },
    });
    const flagged = await get(staff.reception, `?patientId=${patient.id}&flagged=true`);
    expect((await flagged.json()).items).toEqual([]);
    expect(await newestAudit("message.handle")).toMatchObject({
      actorId: staff.reception.id,
      entityId: failed.id,
      patientId: patient.id,
    });
  });

  it("refuses a message already handled with 409 MESSAGE_HANDLED and keeps who handled it", async () => {
    const patient = await newPatient();
    const handled = await message(patient.id, "handled");
    const response = await post(staff.admin, "handled", handled.id);
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "MESSAGE_HANDLED" });
    expect(await prisma().message.findUniqueOrThrow({ where: { id: handled.id } })).toEqual(handled);
  });

  for (const state of ["queued", "sent", "cancelled"] as const) {
    it(`refuses a ${state} message with 409 MESSAGE_NOT_FAILED and changes nothing`, async () => {
      const patient = await newPatient();
      const row = await message(patient.id, state);
      const response = await post(staff.reception, "handled", row.id);
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: "MESSAGE_NOT_FAILED" });
      expect(await prisma().message.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
      expect(await prisma().auditEvent.count({ where: { entityId: row.id } })).toBe(0);
    });
  }

  it("refuses the surgeon (403)", async () => {
    const patient = await newPatient();
    const failed = await message(patient.id, "failed");
    expect((await post(staff.surgeon, "handled", failed.id)).status).toBe(403);
  });
});
