import { z } from "zod";
import { instant, pageQuery, page, uuid } from "./common";

export const auditQuery = pageQuery.extend({
  patientId: uuid.optional(),
  actorId: uuid.optional(),
  from: instant.optional(),
  to: instant.optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEvent = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    patientId: z.string().nullable(),
    entity: z.string(),
    entityId: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });
export type AuditEventView = z.infer<typeof auditEvent>;
export const auditPage = page(auditEvent).meta({ id: "AuditEventPage" });
