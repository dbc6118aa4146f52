// Each kind of bad input that once reached the database and came back as a 500: now a 400 with
// the field's path (or, for a search that cannot match, an empty result), and nothing written.
import { call, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { encodeCursor } from "@/lib/services/cursor";
import { dayFromToday, siteAt } from "../setup/clock";
import { createActor, testDatabase } from "../setup/db";
import { caseAt, createTeam, type Team } from "../setup/pathway";

const prisma = testDatabase();
let team: Team;
let admin: Actor;
let caseId: string;

beforeAll(async () => {
  team = await createTeam(prisma);
  admin = await createActor(prisma, "admin");
  caseId = (await caseAt(team, "referred")).caseId;
});

const json = { "content-type": "application/json" };
const auditRows = () => prisma.auditEvent.count();

/** The answer is a 400 problem naming exactly these field paths, and the audit trail did not grow. */
async function expectRefused(send: () => Promise<Response>, paths: string[]) {
  const before = await auditRows();
  const response = await send();
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(400);
  expect(body.code).toBe("VALIDATION");
  expect(body.errors.map((e: { path: string }) => e.path)).toEqual(paths);
  expect(await auditRows()).toBe(before);
}

const patient = { givenName: "Ada", familyName: "Nul", birthDate: "1980-05-01", sex: "female" };

describe("control characters in text", () => {
  it("refuses a NUL in a body's text field (400 at the field), writing nothing", async () => {
    await signInAs(prisma, team.reception);
    await expectRefused(
      () =>
        call("post", "/api/v1/patients", {
          body: JSON.stringify({ ...patient, givenName: "a\u0000b" }),
          headers: json,
        }),
      ["givenName"],
    );
    await expectRefused(
      () =>
        call("post", "/api/v1/patients", { body: JSON.stringify({ ...patient, phone: "0\u00007700" }), headers: json }),
      ["phone"],
    );
    await signInAs(prisma, team.surgeon);
    const imaging = {
      modality: "mri",
      performedOn: dayFromToday(-1),
      findings: "Os trigonum\u0000",
      supportsDiagnosis: true,
    };
    await expectRefused(
      () =>
        call("post", "/api/v1/cases/{id}/imaging", {
          params: { id: caseId },
          body: JSON.stringify(imaging),
          headers: json,
        }),
      ["findings"],
    );
  });

  it("keeps line breaks and tabs in notes, and refuses other control characters", async () => {
    await signInAs(prisma, team.surgeon);
    const imaging = {
      modality: "mri",
      performedOn: dayFromToday(-1),
      findings: "Os trigonum\r\n\tposterior",
      supportsDiagnosis: true,
    };
    const accepted = await call("post", "/api/v1/cases/{id}/imaging", {
      params: { id: caseId },
      body: JSON.stringify(imaging),
      headers: json,
    });
    expect(accepted.status).toBeLessThan(300);
    await expectRefused(
      () =>
        call("post", "/api/v1/cases/{id}/imaging", {
          params: { id: caseId },
          body: JSON.stringify({ ...imaging, findings: "bell\u0007" }),
          headers: json,
        }),
      ["findings"],
    );
  });

  it("refuses text-direction overrides, embeddings and isolates, C1 controls and line separators in a one-line field, and keeps right-to-left text", async () => {
    await signInAs(prisma, team.reception);
    for (const hidden of ["\u202E", "\u202A", "\u2066", "\u2069"]) {
      await expectRefused(
        () =>
          call("post", "/api/v1/patients", {
            body: JSON.stringify({ ...patient, familyName: `Nul${hidden}gnp.exe` }),
            headers: json,
          }),
        ["familyName"],
      );
    }
    for (const control of ["\u0085", "\u009B", "\u2028"]) {
      await expectRefused(
        () =>
          call("post", "/api/v1/patients", {
            body: JSON.stringify({ ...patient, familyName: `Nul${control}x` }),
            headers: json,
          }),
        ["familyName"],
      );
    }
    const arabic = await call("post", "/api/v1/patients", {
      body: JSON.stringify({ ...patient, givenName: "ليلى", familyName: "\u200Fحداد" }),
      headers: json,
    });
    expect(arabic.status).toBe(201);
  });

  it("refuses half a character (a lone UTF-16 surrogate) in any text field (400 at the field), writing nothing", async () => {
    await signInAs(prisma, team.reception);
    await expectRefused(
      () =>
        call("post", "/api/v1/patients", { body: JSON.stringify({ ...patient, givenName: "a\ud800" }), headers: json }),
      ["givenName"],
    );
    await signInAs(prisma, admin);
    const before = await prisma.staff.findUniqueOrThrow({ where: { id: team.nurse.id } });
    await expectRefused(
      () =>
        call("patch", "/api/v1/staff/{id}", {
          params: { id: team.nurse.id },
          body: JSON.stringify({ name: "\udc00Nurse" }),
          headers: json,
        }),
      ["name"],
    );
    expect((await prisma.staff.findUniqueOrThrow({ where: { id: team.nurse.id } })).name).toBe(before.name);
    await signInAs(prisma, team.surgeon);
    const imaging = {
      modality: "mri",
      performedOn: dayFromToday(-1),
      findings: "Os trigonum\ud83d",
      supportsDiagnosis: true,
    };
    await expectRefused(
      () =>
        call("post", "/api/v1/cases/{id}/imaging", {
          params: { id: caseId },
          body: JSON.stringify(imaging),
          headers: json,
        }),
      ["findings"],
    );
  });

  it("refuses a NUL in a query (400 at the parameter)", async () => {
    await signInAs(prisma, team.reception);
    await expectRefused(() => call("get", "/api/v1/patients", { query: "q=a%00b" }), ["q"]);
    await expectRefused(
      () => call("get", "/api/v1/patients/duplicates", { query: "givenName=a%00b&familyName=x&birthDate=1980-01-01" }),
      ["givenName"],
    );
  });
});

describe("dates and instants", () => {
  it("refuses the year 0000 in a date or an instant (400 at the field)", async () => {
    await signInAs(prisma, team.surgeon);
    const imaging = { modality: "mri", performedOn: "0000-01-01", findings: "x", supportsDiagnosis: true };
    await expectRefused(
      () =>
        call("post", "/api/v1/cases/{id}/imaging", {
          params: { id: caseId },
          body: JSON.stringify(imaging),
          headers: json,
        }),
      ["performedOn"],
    );
    await signInAs(prisma, team.reception);
    const booking = { caseId, kind: "consultation", start: "0000-01-01T10:00:00Z" };
    await expectRefused(
      () => call("post", "/api/v1/appointments", { body: JSON.stringify(booking), headers: json }),
      ["start"],
    );
    await expectRefused(() => call("get", "/api/v1/appointments", { query: "from=0000-01-01T00:00:00Z" }), ["from"]);
    await signInAs(prisma, admin);
    await expectRefused(() => call("get", "/api/v1/audit-events", { query: "to=0000-12-31T23:59:59%2B01:00" }), ["to"]);
  });

  it("refuses an instant on a day the calendar does not have", async () => {
    await signInAs(prisma, team.reception);
    await expectRefused(() => call("get", "/api/v1/appointments", { query: "from=2026-02-30T10:00:00Z" }), ["from"]);
  });

  it("compares a booking's end with its start as instants, not as text (an offset cannot hide an end before the start)", async () => {
    await signInAs(prisma, team.reception);
    const day = dayFromToday(14);
    const booking = { caseId, kind: "consultation", start: `${day}T10:00:00Z`, end: `${day}T10:30:00+05:00` };
    await expectRefused(
      () => call("post", "/api/v1/appointments", { body: JSON.stringify(booking), headers: json }),
      ["end"],
    );
    const start = siteAt(14, 10);
    const sameInstant = {
      caseId,
      kind: "consultation",
      start: start.toISOString(),
      end: start.toISOString().replace("Z", "+00:00"),
    };
    await expectRefused(
      () => call("post", "/api/v1/appointments", { body: JSON.stringify(sameInstant), headers: json }),
      ["end"],
    );
  });

  it("answers a patient search for a date that cannot exist with no patients", async () => {
    await signInAs(prisma, team.reception);
    for (const q of ["2026-02-30", "31/02/2020", "0000-01-01", "29/02/2023", "2026-13-01"]) {
      const response = await call("get", "/api/v1/patients", { query: `q=${encodeURIComponent(q)}` });
      expect(response.status, q).toBe(200);
      expect(await response.json(), q).toEqual({ items: [], nextCursor: null });
    }
  });
});

describe("cursors", () => {
  const base64 = (text: string) => Buffer.from(text).toString("base64url");
  const madeUp = [
    "not-a-cursor",
    base64("[]"),
    base64("null"),
    base64('"text"'),
    encodeCursor({ id: "12abc" }),
    encodeCursor({ id: "99999999999999999999999999" }),
    encodeCursor({ familyName: "a", givenName: "b", id: "not-a-uuid" }),
    encodeCursor({ familyName: "a\u0000", givenName: "b", id: "7d0f4a56-1d1e-4b5a-9a55-2f1a6f0c1e11" }),
    encodeCursor({ statusChangedAt: "yesterday", id: "7d0f4a56-1d1e-4b5a-9a55-2f1a6f0c1e11" }),
    encodeCursor({ statusChangedAt: "0000-01-01T00:00:00.000Z", id: "7d0f4a56-1d1e-4b5a-9a55-2f1a6f0c1e11" }),
  ];

  it("refuses a made-up cursor on every paged list (400 at cursor)", async () => {
    for (const cursor of madeUp) {
      const query = `cursor=${encodeURIComponent(cursor)}`;
      await signInAs(prisma, team.reception);
      await expectRefused(() => call("get", "/api/v1/patients", { query }), ["cursor"]);
      await expectRefused(() => call("get", "/api/v1/cases", { query }), ["cursor"]);
      await expectRefused(() => call("get", "/api/v1/appointments", { query }), ["cursor"]);
      await signInAs(prisma, admin);
      await expectRefused(() => call("get", "/api/v1/audit-events", { query }), ["cursor"]);
    }
  });
});
