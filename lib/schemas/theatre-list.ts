// Theatre lists (WL-5): a day's sessions per theatre with their arthroscopies in running order,
// and the reorder of one session's list.
import { z } from "zod";
import { theatreSessionNames } from "@/lib/domain/policies";
import { admissions, sides } from "@/lib/domain/vocabulary";
import { isoDate, uuid } from "./common";

export const theatreListQuery = z.object({ date: isoDate }).meta({ id: "TheatreListQuery" });

const staffRef = z.object({ id: uuid, name: z.string() }).nullable();
const span = z.object({ start: z.string(), end: z.string() });

const theatreListItem = z.object({
  appointmentId: uuid,
  caseId: uuid,
  /** 1 = first on the list. */
  position: z.number().int().positive(),
  start: z.string(),
  end: z.string(),
  surgeon: staffRef,
  anaesthetist: staffRef,
  admission: z.enum(admissions).nullable(),
  patient: z.object({ id: uuid, name: z.string(), mrn: z.string() }),
  side: z.enum(sides),
});

export const theatreSessionList = z
  .object({
    theatre: z.object({ id: uuid, name: z.string() }),
    session: z.enum(theatreSessionNames),
    start: z.string(),
    end: z.string(),
    /** Booked arthroscopy minutes / session minutes, three decimals; above 1 when the list overruns. */
    utilisation: z.number().nonnegative(),
    bookedMinutes: z.number().nonnegative(),
    sessionMinutes: z.number().nonnegative(),
    /** Changes whenever the list's arthroscopies or their order change: send it back with a reorder. */
    version: z.string(),
    items: z.array(theatreListItem),
    /** Free time in the session at least one arthroscopy long. */
    gaps: z.array(span),
  })
  .meta({ id: "TheatreSessionList" });

export const theatreLists = z
  .object({ date: z.string(), timeZone: z.string(), sessions: z.array(theatreSessionList) })
  .meta({ id: "TheatreLists" });

export const theatreListOrderInput = z
  .object({
    roomId: uuid,
    date: isoDate,
    session: z.enum(theatreSessionNames),
    /** Every booked arthroscopy of the session, each once, in the new order. */
    appointmentIds: z.array(uuid).min(1, "Name the session's arthroscopies").max(50, "At most 50 arthroscopies"),
    /** The list's `version` as read; a list changed since then is refused (409). */
    version: z.string().max(100).optional(),
  })
  .meta({ id: "TheatreListOrderInput" });

export type TheatreListOrderInput = z.infer<typeof theatreListOrderInput>;
export type TheatreSessionList = z.infer<typeof theatreSessionList>;
export type TheatreLists = z.infer<typeof theatreLists>;
