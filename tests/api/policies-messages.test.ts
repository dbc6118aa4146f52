// The administrator's policies for messages to patients: the reminders before each appointment
// (up to four, each so many calendar days before at a site time, none repeated) and how many days
// a link to the patient's page works. Sound values are kept and read back; unsound ones are a
// 400 naming the field, and the site's policies stay as they were.
import { callRoute, signInAs } from "../setup/routes";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { testDatabase } from "../setup/db";
import { createClinic } from "../setup/pathway";

const prisma = testDatabase();
let admin: Actor;
let siteId: string;

beforeAll(async () => {
  ({
    staff: { admin },
  } = await createClinic(prisma));
  ({ siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: admin.id } }));
});

const path = "/api/v1/policies";

async function current() {
  await signInAs(prisma, admin);
  const response = await callRoute("get", path, {});
  expect(response.status).toBe(200);
  return response.json();
}

const stored = async () => (await prisma.site.findUniqueOrThrow({ where: { id: siteId } })).policies;

describe("PUT /api/v1/policies: reminders and the patient-page link's days", () => {
  it("answers the defaults before the administrator sets them: 18:00 two days before, 07:00 on the day, 90 days", async () => {
    expect(await current()).toMatchObject({
      reminders: [
        { daysBefore: 2, at: "18:00" },
        { daysBefore: 0, at: "07:00" },
      ],
      portalLinkDays: 90,
    });
  });

  it("keeps up to four reminders and a link's days, and answers them back", async () => {
    const reminders = [
      { daysBefore: 14, at: "09:00" },
      { daysBefore: 1, at: "18:30" },
      { daysBefore: 1, at: "08:00" },
      { daysBefore: 0, at: "00:00" },
    ];
    const response = await callRoute("put", path, {}, "", { ...(await current()), reminders, portalLinkDays: 365 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reminders, portalLinkDays: 365 });
    expect(await current()).toMatchObject({ reminders, portalLinkDays: 365 });
  });

  it("keeps no reminders at all", async () => {
    const response = await callRoute("put", path, {}, "", { ...(await current()), reminders: [] });
    expect(response.status).toBe(200);
    expect(await current()).toMatchObject({ reminders: [] });
  });

  const reminder = (daysBefore: unknown, at: unknown) => ({ daysBefore, at });
  const refused: [string, Record<string, unknown>, string][] = [
    ["five reminders", { reminders: [0, 1, 2, 3, 4].map((d) => reminder(d, "09:00")) }, "reminders"],
    ["a reminder 15 days before", { reminders: [reminder(15, "09:00")] }, "reminders.0.daysBefore"],
    ["a reminder after the appointment's day", { reminders: [reminder(-1, "09:00")] }, "reminders.0.daysBefore"],
    ["a reminder in part days", { reminders: [reminder(1.5, "09:00")] }, "reminders.0.daysBefore"],
    ["a time not written HH:MM", { reminders: [reminder(2, "18:00"), reminder(0, "7:00")] }, "reminders.1.at"],
    ["a time past 23:59", { reminders: [reminder(0, "24:00")] }, "reminders.0.at"],
    ["the same reminder twice", { reminders: [reminder(2, "18:00"), reminder(2, "18:00")] }, "reminders.1.at"],
    [
      "a reminder with a field of its own",
      { reminders: [{ daysBefore: 1, at: "09:00", channel: "sms" }] },
      "reminders.0",
    ],
    ["a link that works no day", { portalLinkDays: 0 }, "portalLinkDays"],
    ["a link that works over a year", { portalLinkDays: 366 }, "portalLinkDays"],
    ["a link's days as text", { portalLinkDays: "90" }, "portalLinkDays"],
  ];
  for (const [what, change, field] of refused) {
    it(`refuses ${what} with 400 at path ${field}, and keeps the site's policies`, async () => {
      const before = await stored();
      const response = await callRoute("put", path, {}, "", { ...(await current()), ...change });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: "VALIDATION",
        errors: [{ path: field, message: expect.any(String) }],
      });
      expect(await stored()).toEqual(before);
    });
  }
});
