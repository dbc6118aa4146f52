// The patient's own page as staff handle it: the links that open it (never their tokens, but once).
import { z } from "zod";
import { messageChannels } from "@/lib/domain/vocabulary";
import { page, pageQuery, uuid } from "./common";

const at = z.iso.datetime({ offset: true });

export const portalLinkIssued = z
  .object({
    id: uuid,
    url: z.url().nullable().meta({
      description:
        "The patient's page, holding the link's token; shown once: null when replayed for an Idempotency-Key",
    }),
    expiresAt: at,
    sentBy: z.array(z.enum(messageChannels)).meta({
      description:
        "The channels the link's message was queued on (the patient's consent and addresses); empty: hand the link over yourself",
    }),
  })
  .meta({
    id: "PortalLinkIssued",
    description: "A new link to the patient's own page; its token is stored only hashed",
  });

export const portalLinkState = z.enum(["active", "expired", "revoked"]);

export const portalLinkView = z
  .object({
    id: uuid,
    state: portalLinkState,
    createdAt: at,
    createdBy: z.string(),
    expiresAt: at,
    lastUsedAt: at.nullable(),
    revokedAt: at.nullable(),
    revokedBy: z.string().nullable(),
  })
  .meta({ id: "PortalLink", description: "A link to the patient's own page, without its token" });

export const portalLinkPage = page(portalLinkView).meta({ id: "PortalLinkPage" });

export const portalLinkQuery = pageQuery;

export type PortalLinkView = z.infer<typeof portalLinkView>;
