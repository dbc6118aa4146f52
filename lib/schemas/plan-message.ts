// The answer to "send the recovery plan again" (POST /api/v1/cases/{id}/plan-message).
import { z } from "zod";
import { messageChannels } from "@/lib/domain/vocabulary";
import { uuid } from "./common";

/** The messages queued, one per channel the patient consents to; empty when there is none. */
export const planMessageResult = z
  .object({ messages: z.array(z.object({ id: uuid, channel: z.enum(messageChannels) })) })
  .meta({ id: "PlanMessageResult" });
export type PlanMessageResult = z.infer<typeof planMessageResult>;
