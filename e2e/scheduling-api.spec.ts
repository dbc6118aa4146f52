import { expect, test, type APIRequestContext } from "@playwright/test";
import { endpoints } from "@/lib/http/endpoints";
import { addDays, isoWeekday } from "@/lib/domain/time";
import type { BodyOf } from "@/lib/http/client";
import { apiAs, send } from "./support";
import { siteAt, today, weekdayAfter } from "./clock";
import { caseAt, post, type Clients } from "./pathway-support";

let c: Clients;
let nurse: APIRequestContext;
let physio: APIRequestContext;
type Named = { id: string; name: string; role?: string; kind?: string };
let staff: Record<string, Named[]>;
let rooms: Record<string, Named[]>;

const groupBy = (items: Named[], key: "role" | "kind") =>
  items.reduce<Record<string, Named[]>>(
    (groups, item) => ({ ...groups, [item[key]!]: [...(groups[item[key]!] ?? []), item] }),
    {},
  );

test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
  nurse = await apiAs("nurse");
  physio = await apiAs("physio");
  staff = groupBy((await (await c.reception.get("/api/v1/staff")).json()).items, "role");
  // The demo's own rooms, by name: other journeys may add rooms with other hours.
  const demoRooms = ((await (await c.reception.get("/api/v1/rooms")).json()).items as Named[]).filter((r) =>
    /^(Consulting room \d|Theatre \d|Imaging suite)$/.test(r.name),
  );
  rooms = groupBy(demoRooms, "kind");
});

// Each test books its own weekday, weeks ahead, so tests never meet each other's bookings.
const day = (n: number) => weekdayAfter(today(), 10 + n);

async function book(client: APIRequestContext, data: BodyOf<typeof endpoints.bookAppointment>) {
  const response = await send(client, endpoints.bookAppointment, { body: data });
  return { status: response.status(), body: await response.json() };
}

test.describe("booking", () => {
  test("the same surgeon at the same time is refused with the conflicting appointment (SC-1)", async () => {
    const a = await caseAt(c, "referred");
    const b = await caseAt(c, "referred");
    const slot = { kind: "consultation" as const, start: siteAt(day(1), 10), clinicianId: staff.surgeon![0]!.id };
    const first = await book(c.reception, { ...slot, caseId: a.id, roomId: rooms.consulting![0]!.id });
    expect(first.status).toBe(201);
    const second = await book(c.reception, {
      ...slot,
      caseId: b.id,
      roomId: rooms.consulting![1]!.id,
      start: siteAt(day(1), 10, 10),
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: "SC-1",
      conflicts: [{ appointmentId: first.body.id, resource: "clinician" }],
    });
  });

  test("outside working hours is refused; inside them it is booked (SC-2)", async () => {
    const kase = await caseAt(c, "referred");
    const early = await book(c.reception, {
      caseId: kase.id,
      kind: "consultation",
      start: siteAt(day(2), 7, 30),
      clinicianId: staff.surgeon![0]!.id,
    });
    expect(early).toMatchObject({ status: 422, body: { code: "SC-2" } });
    const aWeekday = day(2);
    const saturday = addDays(aWeekday, 6 - isoWeekday(aWeekday));
    const weekend = await book(c.reception, {
      caseId: kase.id,
      kind: "consultation",
      start: siteAt(saturday, 10),
      clinicianId: staff.surgeon![0]!.id,
    });
    expect(weekend.body.code).toBe("SC-2");
    expect(
      (
        await book(c.reception, {
          caseId: kase.id,
          kind: "consultation",
          start: siteAt(day(2), 9),
          clinicianId: staff.surgeon![0]!.id,
        })
      ).status,
    ).toBe(201);
  });

  test("the wrong clinician or room for the kind is refused (SC-3)", async () => {
    const kase = await caseAt(c, "referred");
    const withNurse = await book(c.reception, {
      caseId: kase.id,
      kind: "consultation",
      start: siteAt(day(3), 10),
      clinicianId: staff.nurse![0]!.id,
    });
    expect(withNurse).toMatchObject({ status: 422, body: { code: "SC-3" } });
    const inTheatre = await book(c.reception, {
      caseId: kase.id,
      kind: "imaging",
      start: siteAt(day(3), 10),
      roomId: rooms.theatre![0]!.id,
    });
    expect(inTheatre.body.code).toBe("SC-3");
    const imaging = await book(c.reception, { caseId: kase.id, kind: "imaging", start: siteAt(day(3), 11) });
    expect(imaging.status).toBe(201);
    expect(imaging.body).toMatchObject({ clinician: null, room: { name: "Imaging suite" } });
  });

  test("a move or a cancellation needs a reason and keeps the history (SC-4)", async () => {
    const kase = await caseAt(c, "referred");
    const booked = await book(c.reception, { caseId: kase.id, kind: "follow_up", start: siteAt(day(4), 10) });
    const url = `/api/v1/appointments/${booked.body.id}`;
    const noReason = await c.reception.patch(url, { data: { start: siteAt(day(4), 11), reason: "" } });
    expect(noReason.status()).toBe(400);
    expect((await noReason.json()).errors).toEqual([{ path: "reason", message: "SC-4: give the reason" }]);
    const moved = await c.reception.patch(url, { data: { start: siteAt(day(4), 11), reason: "Clinic running late" } });
    expect(moved.status()).toBe(200);
    const cancelled = await post(
      c.reception,
      endpoints.cancelAppointment,
      { params: { id: booked.body.id }, body: { reason: "Patient recovered" } },
      200,
    );
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.history.map((h) => [h.action, h.reason])).toEqual([
      ["booked", null],
      ["moved", "Clinic running late"],
      ["cancelled", "Patient recovered"],
    ]);
    const list = await (await c.reception.get(`/api/v1/appointments?caseId=${kase.id}`)).json();
    expect(list.items.map((a: { status: string }) => a.status)).toEqual(["cancelled"]);
  });

  test("an appointment lasts its kind's default length (SC-5)", async () => {
    const kase = await caseAt(c, "referred");
    const booked = await book(c.reception, { caseId: kase.id, kind: "consultation", start: siteAt(day(5), 14) });
    expect(new Date(booked.body.end).getTime() - new Date(booked.body.start).getTime()).toBe(20 * 60_000);
  });

  test("roles book only their own kinds: a nurse may not book a consultation", async () => {
    const kase = await caseAt(c, "referred");
    expect((await book(nurse, { caseId: kase.id, kind: "consultation", start: siteAt(day(5), 15) })).status).toBe(403);
  });
});

test.describe("arthroscopy", () => {
  test("is refused without an anaesthesia assessment (SX-2)", async () => {
    const kase = await caseAt(c, "listed");
    expect(
      (await book(c.reception, { caseId: kase.id, kind: "arthroscopy", start: siteAt(day(6), 8) })).body.code,
    ).toBe("SX-2");
  });

  test("is refused after the assessment's 90 days (SX-3)", async () => {
    const kase = await caseAt(c, "assessed", { operatedDaysAgo: 0, assessedDaysBeforeOperation: 85 });
    const late = weekdayAfter(addDays(today(), 5), 1);
    expect((await book(c.reception, { caseId: kase.id, kind: "arthroscopy", start: siteAt(late, 8) })).body.code).toBe(
      "SX-3",
    );
  });

  test("is a day case only with help at home; booked with surgeon, anaesthetist and theatre, it schedules the case (SX-4)", async () => {
    const kase = await caseAt(c, "assessed", {
      homeSupport: false,
      operatedDaysAgo: 0,
      assessedDaysBeforeOperation: 1,
    });
    const start = siteAt(day(7), 8);
    expect(
      (await book(c.reception, { caseId: kase.id, kind: "arthroscopy", start, admission: "day_case" })).body.code,
    ).toBe("SX-4");
    const booked = await book(c.reception, { caseId: kase.id, kind: "arthroscopy", start });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      admission: "inpatient",
      clinician: { id: expect.any(String) },
      anaesthetist: { id: expect.any(String) },
      room: { name: expect.stringMatching(/^Theatre/) },
    });
    expect(new Date(booked.body.end).getTime() - new Date(booked.body.start).getTime()).toBe(90 * 60_000);
    expect((await (await c.surgeon.get(kase.url)).json()).status).toBe("scheduled");
  });
});

test.describe("after the operation", () => {
  test("a dressing is booked on its due day only, and never moved later (PO-3)", async () => {
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 0 });
    const wrongDay = await book(nurse, { caseId: kase.id, kind: "dressing", start: siteAt(addDays(today(), 3), 10) });
    expect(wrongDay.body.code).toBe("PO-3");
    const booked = await book(nurse, { caseId: kase.id, kind: "dressing", start: siteAt(addDays(today(), 2), 10) });
    expect(booked.status).toBe(201);
    expect(booked.body.dressingDueOn).toBe(addDays(today(), 2));
    const later = await nurse.patch(`/api/v1/appointments/${booked.body.id}`, {
      data: { start: siteAt(addDays(today(), 3), 10), reason: "Nurse off" },
    });
    expect((await later.json()).code).toBe("PO-3");
  });

  test("physiotherapy starts from D1 and by D7 (PO-4)", async () => {
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 0 });
    const d8 = addDays(today(), 8);
    expect((await book(physio, { caseId: kase.id, kind: "physio", start: siteAt(d8, 10) })).body.code).toBe("PO-4");
    const firstWeekday = weekdayAfter(today(), 1);
    expect((await book(physio, { caseId: kase.id, kind: "physio", start: siteAt(firstWeekday, 10) })).status).toBe(201);
  });
});

test.describe("free slots and calendars", () => {
  test("free slots avoid booked times and lie inside working hours (SC-1, SC-2)", async () => {
    const kase = await caseAt(c, "referred");
    const target = day(8);
    const query = `/api/v1/appointments/slots?caseId=${kase.id}&kind=consultation&from=${target}&days=1&clinicianId=${staff.surgeon![1]!.id}&limit=100`;
    const before = (await (await c.reception.get(query)).json()).items;
    expect(before[0].start).toBe(siteAt(target, 8));
    expect(before.at(-1).end <= siteAt(target, 18)).toBe(true);
    await book(c.reception, {
      caseId: kase.id,
      kind: "consultation",
      start: before[0].start,
      clinicianId: staff.surgeon![1]!.id,
    });
    const after = (await (await c.reception.get(query)).json()).items;
    expect(after.map((s: { start: string }) => s.start)).not.toContain(before[0].start);
  });
});
