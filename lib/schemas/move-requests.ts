// A patient's request, from their own page, for an appointment to be moved, and reception's
// handling of it. The request never changes the appointment: reception moves it through the
// normal booking screens, then marks the request done (moved) or declined (could not move).
import { z } from "zod";
import { appointmentKinds, appointmentStatuses, moveRequestStatuses } from "@/lib/domain/vocabulary";
import { optionalText, pageQuery, page, text, uuid } from "./common";

/** The longest note a patient may write (the table's limit too). */
export const moveRequestNoteMax = 500;

/** The patient asks for `appointmentId` to be moved; `note`: which days and times suit them. */
export const moveRequestInput = z
  .object({ appointmentId: uuid, note: text(moveRequestNoteMax, { multiline: true }) })
  .strict()
  .meta({ id: "MoveRequestInput" });
export type MoveRequestInput = z.infer<typeof moveRequestInput>;

/** A request as its patient sees it on their page. */
export const patientMoveRequest = z
  .object({
    id: uuid,
    appointmentId: uuid,
    status: z.enum(moveRequestStatuses),
    requestedAt: z.string(),
  })
  .strict()
  .meta({ id: "PatientMoveRequest" });
export type PatientMoveRequest = z.infer<typeof patientMoveRequest>;

/** Reception's list: one status (open by default), oldest request first, paged. */
export const moveRequestQuery = pageQuery.extend({ status: z.enum(moveRequestStatuses).default("open") });
export type MoveRequestQuery = z.infer<typeof moveRequestQuery>;

/** A request as reception reads it: who asked, for which appointment, what they wrote, when. */
export const moveRequestView = z
  .object({
    id: uuid,
    status: z.enum(moveRequestStatuses),
    note: z.string(),
    requestedAt: z.string(),
    handledAt: z.string().nullable(),
    handledBy: z.string().nullable().meta({ description: "The staff member's name" }),
    response: z.string().nullable(),
    patient: z.object({ id: uuid, name: z.string(), mrn: z.string() }),
    appointment: z.object({
      id: uuid,
      caseId: uuid,
      kind: z.enum(appointmentKinds),
      status: z.enum(appointmentStatuses),
      start: z.string(),
      end: z.string(),
    }),
  })
  .strict()
  .meta({ id: "MoveRequest" });
export type MoveRequestView = z.infer<typeof moveRequestView>;

export const moveRequestPage = page(moveRequestView).meta({ id: "MoveRequestPage" });

/** Reception closes a request: "done" (the appointment was moved) or "declined" (it could not be). */
export const handleMoveRequestInput = z
  .object({
    outcome: z.enum(["done", "declined"]),
    response: optionalText(moveRequestNoteMax, { multiline: true }).meta({
      description: "Reception's reply: the patient reads it on their page",
    }),
  })
  .strict()
  .meta({ id: "HandleMoveRequestInput" });
export type HandleMoveRequestInput = z.infer<typeof handleMoveRequestInput>;
