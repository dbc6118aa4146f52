import { z } from "zod";
import { instant, pageQuery, page, uuid } from "./common";

const filter = {
  patientId: uuid.optional(),
  /** The patient by MRN (case-insensitive): the same events as its `patientId`. */
  mrn: z
    .string()
    .regex(/^[Pp]\d{1,18}$/, "An MRN is P followed by digits")
    .optional(),
  actorId: uuid.optional(),
  from: instant.optional(),
  to: instant.optional(),
};
export const auditQuery = pageQuery.extend(filter);
export type AuditQuery = z.infer<typeof auditQuery>;
/** The CSV export's query: the browser's filters, without paging (the export holds every matching event). */
export const auditFilter = z.object(filter);
export type AuditFilter = z.infer<typeof auditFilter>;

export const auditEvent = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    /** The action in plain words, e.g. "opened the patient record"; a list read says how many items it showed. */
    description: z.string(),
    /** The one patient of a single-patient event; null for a list read. */
    patientId: z.string().nullable(),
    /** That patient's name ("FAMILY, Given") and MRN; null for a list read. */
    patientName: z.string().nullable(),
    patientMrn: z.string().nullable(),
    /** Every patient the event showed or changed, each once (a list read names all its page's patients). */
    patientIds: z.array(z.string()),
    /** How many items a list read showed; null for an event about one record. */
    itemCount: z.number().int().nullable(),
    entity: z.string(),
    entityId: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventView = z.infer<typeof auditEvent>;
export const auditPage = page(auditEvent).meta({ id: "AuditEventPage" });
