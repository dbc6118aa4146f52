// A message's state in the words staff read on the outbox, the patient's record and reception's
// panel, times on the site's wall clock.
import { describe, expect, it } from "vitest";
import { describeMessageState, type MessageStateFacts } from "@/lib/domain/message-state";

const zone = "Europe/London";
const base: MessageStateFacts = {
  status: "queued",
  channel: "email",
  sendAfter: "2026-12-03T18:00:00Z",
  sentAt: null,
  attempts: 0,
  error: null,
  handledAt: null,
  handledBy: null,
  appointmentId: "a",
  appointmentCancelled: false,
};

describe("describeMessageState", () => {
  it("says when a queued message goes, on the site's clock", () => {
    expect(describeMessageState(base, zone)).toBe("Queued for Thu 3 Dec, 18:00");
    expect(describeMessageState({ ...base, sendAfter: "2026-07-03T17:00:00Z" }, zone)).toBe(
      "Queued for Fri 3 Jul, 18:00",
    );
  });

  it("says when and how a sent message went", () => {
    expect(describeMessageState({ ...base, status: "sent", sentAt: "2026-12-01T10:02:00Z" }, zone)).toBe(
      "Sent Tue 1 Dec, 10:02 by email",
    );
    expect(
      describeMessageState({ ...base, status: "sent", channel: "sms", sentAt: "2026-12-01T10:02:00Z" }, zone),
    ).toBe("Sent Tue 1 Dec, 10:02 by text message");
  });

  it("says a queued message that failed is retrying, with its attempts and last error", () => {
    expect(describeMessageState({ ...base, attempts: 2, error: "connection refused" }, zone)).toBe(
      "Retrying: 2 attempts, last error connection refused",
    );
  });

  it("says a failed message failed after its attempts, and who handled it when someone did", () => {
    const failed = { ...base, status: "failed" as const, attempts: 8, error: "mailbox full" };
    expect(describeMessageState(failed, zone)).toBe("Failed after 8 attempts: mailbox full");
    expect(
      describeMessageState({ ...failed, handledAt: "2026-12-01T11:15:00Z", handledBy: { name: "Jo Marsh" } }, zone),
    ).toBe("Failed after 8 attempts: mailbox full. Handled Tue 1 Dec, 11:15 by Jo Marsh");
  });

  it("says why a message was cancelled: its appointment moved or was cancelled", () => {
    const cancelled = { ...base, status: "cancelled" as const };
    expect(describeMessageState(cancelled, zone)).toBe("Cancelled (the appointment moved)");
    expect(describeMessageState({ ...cancelled, appointmentCancelled: true }, zone)).toBe(
      "Cancelled (the appointment was cancelled)",
    );
    expect(describeMessageState({ ...cancelled, appointmentId: null, appointmentCancelled: null }, zone)).toBe(
      "Cancelled",
    );
  });
});
