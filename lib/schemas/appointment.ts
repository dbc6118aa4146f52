import { z } from "zod";
import { attendanceOutcomes } from "@/lib/domain/attendance";
import { admissions, appointmentKinds, appointmentStatuses, attendances, seriesKinds } from "@/lib/domain/vocabulary";
import { daysBetween } from "@/lib/domain/time";
import { instant, instantMs, isoDate, page, text, uuid } from "./common";

const kind = z.enum(appointmentKinds);
const reason = text(500, { required: "SC-4: give the reason", multiline: true });
// Compared as instants: 10:30+05:00 is before 10:00Z. A malformed time is reported by its own field.
const endsAfterStart = (v: { start: string; end?: string }) => !v.end || !(instantMs(v.end) <= instantMs(v.start));

export const appointmentInput = z
  .object({
    caseId: uuid,
    kind,
    start: instant,
    end: instant.optional(),
    clinicianId: uuid.optional(),
    anaesthetistId: uuid.optional(),
    roomId: uuid.optional(),
    /** A dressing at the patient's home: no room is booked. */
    homeVisit: z.boolean().optional(),
    admission: z.enum(admissions).optional(),
    dressingVisitId: uuid.optional(),
    physioSessionId: uuid.optional(),
  })
  .strict()
  .refine(endsAfterStart, { path: ["end"], message: "Must be after the start" })
  .meta({ id: "AppointmentInput" });
export type AppointmentInput = z.infer<typeof appointmentInput>;

export const moveInput = z
  .object({ start: instant, end: instant.optional(), reason })
  .strict()
  .refine(endsAfterStart, { path: ["end"], message: "Must be after the start" })
  .meta({ id: "AppointmentMove" });
export const cancelInput = z.object({ reason }).strict().meta({ id: "AppointmentCancellation" });
export const attendanceInput = z
  .object({ outcome: z.enum(attendanceOutcomes) })
  .strict()
  .meta({ id: "AttendanceMark" });

export const appointmentQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  clinicianId: uuid.optional(),
  roomId: uuid.optional(),
  patientId: uuid.optional(),
  caseId: uuid.optional(),
  kind: kind.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(500).optional(),
});
export type AppointmentQuery = z.infer<typeof appointmentQuery>;

// The finder's filters, the same for a booking and a move. A range longer than 31 days is
// refused: the search runs over every day of it.
const maxRangeDays = 31;
const slotFilters = {
  from: isoDate.meta({ description: "First day (site's calendar); today when earlier" }),
  to: isoDate
    .optional()
    .meta({ description: "Last day, inclusive (at most 31 days from `from`); absent: `from` plus `days`" }),
  days: z.coerce.number().int().min(1).max(maxRangeDays).default(7),
  partOfDay: z
    .enum(["morning", "afternoon"])
    .optional()
    .meta({ description: "Starts before noon (morning) or from noon on (afternoon), site time" }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
};
const rangeWithin = (v: { from: string; to?: string }) =>
  !v.to || (v.to >= v.from && daysBetween(v.from, v.to) < maxRangeDays);
const rangeMessage = { path: ["to"], message: "Must be on or after the first day, within 31 days of it" };

export const slotQuery = z
  .object({
    caseId: uuid,
    kind,
    ...slotFilters,
    clinicianId: z
      .union([uuid, z.literal("any")])
      .optional()
      .meta({
        description:
          "The clinician, or `any`. Absent: for a follow-up or the arthroscopy, the case's own surgeon (who listed it, else who reviewed its first-line course); anyone of the kind's role otherwise",
      }),
    roomId: uuid.optional(),
    homeVisit: z.enum(["true", "false"]).optional(),
  })
  .refine(rangeWithin, rangeMessage);
export type SlotQuery = z.infer<typeof slotQuery>;

/** Free times an appointment can move to: its own clinician, anaesthetist and room (SC-4 keeps them). */
export const moveSlotQuery = z.object(slotFilters).refine(rangeWithin, rangeMessage);
export type MoveSlotQuery = z.infer<typeof moveSlotQuery>;

const person = z.object({ id: uuid, name: z.string() }).nullable();
export const appointmentView = z
  .object({
    id: uuid,
    caseId: uuid,
    patient: z.object({ id: uuid, name: z.string(), mrn: z.string() }),
    kind,
    status: z.enum(appointmentStatuses),
    start: z.string(),
    end: z.string(),
    clinician: person,
    anaesthetist: person,
    room: person,
    admission: z.enum(admissions).nullable(),
    dressingDueOn: z.string().nullable(),
    /** The dressing visit of the plan it holds (PO-3), to book it again. */
    dressingVisitId: uuid.nullable(),
    physioSession: z.number().nullable(),
    /** The physiotherapy session of the plan it holds (PO-4), to book it again. */
    physioSessionId: uuid.nullable(),
    /** A dressing or physiotherapy visit already recorded. */
    recorded: z.boolean(),
    attendance: z.enum(attendances).nullable().meta({
      description:
        'Whether the patient came: "arrived" or "did_not_attend" as marked, "attended" once the visit, session or operation is recorded; null while not known',
    }),
    attendanceRecord: z.object({ at: z.string(), by: z.string() }).nullable().meta({
      description:
        "When and by whom: the arrival or non-attendance as marked, the visit or session as recorded, the operation as performed (its surgeon and time, which may differ from the booking)",
    }),
    history: z.array(
      z.object({
        action: z.string(),
        at: z.string(),
        by: z.string(),
        reason: z
          .string()
          .nullable()
          .optional()
          .meta({ description: "Why it was moved or cancelled; absent for the administrator (it can be clinical)" }),
        start: z.string(),
        end: z.string(),
      }),
    ),
  })
  .meta({ id: "Appointment" });
export type AppointmentView = z.infer<typeof appointmentView>;
export const appointmentList = page(appointmentView).meta({ id: "AppointmentList" });

const slotView = z
  .object({ start: z.string(), end: z.string(), clinician: person, anaesthetist: person, room: person })
  .meta({ id: "Slot" });
export const slotList = page(slotView).meta({ id: "SlotList" });

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use the form HH:MM");
export const seriesInput = z
  .object({ dressingTime: clockTime.optional(), physioTime: clockTime.optional(), preview: z.boolean().default(false) })
  .strict()
  .refine((v) => v.dressingTime || v.physioTime, {
    path: ["dressingTime"],
    message: "Choose a time for the dressings, the physiotherapy or both",
  })
  .meta({ id: "PostOperativeSeriesInput" });
export const seriesResult = z
  .object({
    items: z.array(
      z.object({
        kind: z.enum(seriesKinds),
        day: z.string(),
        start: z.string().nullable(),
        label: z.string(),
        appointmentId: z.string().optional(),
        problem: z.string().optional(),
      }),
    ),
  })
  .meta({ id: "PostOperativeSeries" });
