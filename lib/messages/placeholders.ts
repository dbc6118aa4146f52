// What each template placeholder stands for, in the words the administrator reads beside the
// templates (/admin/messages/templates).
import type { Placeholder } from "./templates";

/** Each placeholder's meaning, with an example of what the patient reads in its place. */
export const placeholderMeanings: Record<Placeholder, string> = {
  givenName: "The patient's first name, e.g. “Maria”.",
  clinic: "The clinic's name, as set for the site.",
  callUs:
    "How to reach the clinic: “please call us on …” with the telephone number set in the clinic policies, or “please call the clinic” when none is set.",
  what: "The appointment in words, e.g. “dressing visit” or “operation (ankle arthroscopy)”.",
  when: "The appointment's day and time at the clinic, e.g. “Thu, 3 Dec 2026, 10:30”.",
  where: "The room the appointment is in.",
  previousWhen: "For a moved appointment: the day and time it had before.",
  planLines: "The plan after the operation: one line per date (dressings, physiotherapy, reviews).",
  appointmentLines:
    "The patient's upcoming appointments, one line each with the day, time, what it is and where (or that none is booked yet).",
  planSummary:
    "The plan's main dates in a few sentences, for a text message: crutches review, cycling and swimming, running.",
  portalUrl: "The link to the patient's own page (their appointments, plan and pain reports).",
  expiresOn: "The last day that link works.",
  reply:
    "For a request to move an appointment that could not be: reception's reply, as its own sentence “The clinic says: …”, or nothing when reception wrote none.",
};
