import { describe, expect, it } from "vitest";
import { defaultPolicies } from "@/lib/domain/policies";
import { reminderInstants } from "@/lib/domain/reminders";

const london = "Europe/London";
const iso = (sends: { sendAt: Date }[]) => sends.map((s) => s.sendAt.toISOString());
const longAgo = new Date("2020-01-01T00:00:00Z");

describe("when an appointment's reminders go", () => {
  it("sends at 18:00 two calendar days before and at 07:00 on the day, on the site's clock", () => {
    const start = new Date("2027-01-14T10:30:00Z");
    const sends = reminderInstants(defaultPolicies.reminders, start, london, longAgo);
    expect(iso(sends)).toEqual(["2027-01-12T18:00:00.000Z", "2027-01-14T07:00:00.000Z"]);
    expect(sends.map((s) => [s.daysBefore, s.at])).toEqual([
      [2, "18:00"],
      [0, "07:00"],
    ]);
  });

  it("takes the appointment's day in the site's zone, not UTC's", () => {
    // 00:30 BST on 2 July is still 1 July in UTC: the day is 2 July at the site.
    const start = new Date("2027-07-01T23:30:00Z");
    expect(iso(reminderInstants([{ daysBefore: 1, at: "18:00" }], start, london, longAgo))).toEqual([
      "2027-07-01T17:00:00.000Z",
    ]);
    expect(iso(reminderInstants([{ daysBefore: 1, at: "18:00" }], start, "America/New_York", longAgo))).toEqual([
      "2027-06-30T22:00:00.000Z",
    ]);
  });

  it("leaves out a reminder already past when the appointment is booked", () => {
    const start = new Date("2027-01-14T10:30:00Z");
    const sends = reminderInstants(defaultPolicies.reminders, start, london, new Date("2027-01-13T09:00:00Z"));
    expect(iso(sends)).toEqual(["2027-01-14T07:00:00.000Z"]);
  });

  it("keeps a reminder due at the very instant of booking", () => {
    const start = new Date("2027-01-14T10:30:00Z");
    const sends = reminderInstants(defaultPolicies.reminders, start, london, new Date("2027-01-12T18:00:00Z"));
    expect(iso(sends)).toEqual(["2027-01-12T18:00:00.000Z", "2027-01-14T07:00:00.000Z"]);
  });

  it("leaves out a reminder that is not before the appointment (07:00 on the day of an early appointment)", () => {
    expect(iso(reminderInstants(defaultPolicies.reminders, new Date("2027-01-14T07:00:00Z"), london, longAgo))).toEqual(
      ["2027-01-12T18:00:00.000Z"],
    );
    expect(iso(reminderInstants(defaultPolicies.reminders, new Date("2027-01-14T06:45:00Z"), london, longAgo))).toEqual(
      ["2027-01-12T18:00:00.000Z"],
    );
  });

  it("answers the reminders earliest first whatever the policy's order", () => {
    const policy = [
      { daysBefore: 0, at: "07:00" },
      { daysBefore: 7, at: "09:00" },
      { daysBefore: 2, at: "18:00" },
    ];
    expect(
      reminderInstants(policy, new Date("2027-01-14T10:30:00Z"), london, longAgo).map((s) => s.daysBefore),
    ).toEqual([7, 2, 0]);
  });

  it("sends 18:00 local on the day British Summer Time starts (2027-03-28), two days before", () => {
    const start = new Date("2027-03-30T09:00:00Z"); // 10:00 BST
    expect(iso(reminderInstants(defaultPolicies.reminders, start, london, longAgo))).toEqual([
      "2027-03-28T17:00:00.000Z", // 18:00 BST
      "2027-03-30T06:00:00.000Z", // 07:00 BST
    ]);
  });

  it("sends 07:00 local on the clock-change day itself, for an appointment that day", () => {
    expect(
      iso(reminderInstants([{ daysBefore: 0, at: "07:00" }], new Date("2027-03-28T09:00:00Z"), london, longAgo)),
    ).toEqual(["2027-03-28T06:00:00.000Z"]);
    expect(
      iso(reminderInstants([{ daysBefore: 0, at: "07:00" }], new Date("2027-10-31T09:00:00Z"), london, longAgo)),
    ).toEqual(["2027-10-31T07:00:00.000Z"]);
  });

  it("sends 18:00 local on the day British Summer Time ends (2027-10-31), two days before", () => {
    const start = new Date("2027-11-02T10:00:00Z"); // 10:00 GMT
    expect(iso(reminderInstants(defaultPolicies.reminders, start, london, longAgo))).toEqual([
      "2027-10-31T18:00:00.000Z", // 18:00 GMT
      "2027-11-02T07:00:00.000Z",
    ]);
    // Two days before an appointment on the Friday before, still in summer time.
    expect(
      iso(reminderInstants([{ daysBefore: 2, at: "18:00" }], new Date("2027-10-29T09:00:00Z"), london, longAgo)),
    ).toEqual(["2027-10-27T17:00:00.000Z"]);
  });

  it("sends a wall time the clock skips (01:30 on 2027-03-28) at 02:30 local, when the clock has jumped", () => {
    const sends = reminderInstants([{ daysBefore: 1, at: "01:30" }], new Date("2027-03-29T09:00:00Z"), london, longAgo);
    expect(iso(sends)).toEqual(["2027-03-28T01:30:00.000Z"]); // 02:30 BST
  });

  it("sends a wall time the clock shows twice (01:30 on 2027-10-31) at its second showing, in GMT", () => {
    const sends = reminderInstants([{ daysBefore: 1, at: "01:30" }], new Date("2027-11-01T10:00:00Z"), london, longAgo);
    expect(iso(sends)).toEqual(["2027-10-31T01:30:00.000Z"]); // 01:30 GMT, not 00:30 UTC (01:30 BST)
  });

  it("sends nothing when the site has no reminders", () => {
    expect(reminderInstants([], new Date("2027-01-14T10:30:00Z"), london, longAgo)).toEqual([]);
  });
});
