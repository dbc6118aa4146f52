import type { MessageChannel, MessageKind, MessageStatus } from "@/lib/domain/vocabulary";

/** Each kind of message as staff name it. */
export const messageKindLabel: Record<MessageKind, string> = {
  booking_confirmation: "Booking confirmation",
  appointment_moved: "Appointment moved",
  appointment_cancelled: "Appointment cancelled",
  reminder: "Reminder",
  post_op_plan: "Plan after the operation",
  portal_link: "Link to the patient's page",
  move_request_declined: "Request to move not possible",
};

export const messageChannelLabel: Record<MessageChannel, string> = { email: "Email", sms: "Text message" };

/** The outbox filter's names for each state. */
export const messageStatusLabel: Record<MessageStatus, string> = {
  queued: "Queued or retrying",
  sent: "Sent",
  failed: "Failed",
  cancelled: "Cancelled",
};
