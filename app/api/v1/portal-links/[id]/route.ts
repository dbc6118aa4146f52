import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { revokePortalLink } from "@/lib/services/portal/links";

export const DELETE = handle(endpoints.revokePortalLink, async ({ actor, params }) => {
  const link = await revokePortalLink(actor, params.id);
  return {
    ...link,
    createdAt: link.createdAt.toISOString(),
    expiresAt: link.expiresAt.toISOString(),
    lastUsedAt: link.lastUsedAt?.toISOString() ?? null,
    revokedAt: link.revokedAt?.toISOString() ?? null,
  };
});
