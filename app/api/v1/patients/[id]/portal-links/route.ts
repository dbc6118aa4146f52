import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { appUrl } from "@/lib/http/links";
import { issuePortalLink, listPortalLinks, portalPath } from "@/lib/services/portal/links";

const iso = (at: Date | null) => at?.toISOString() ?? null;

export const POST = handle(endpoints.issuePortalLink, async ({ actor, params, request }) => {
  const pageUrl = (token: string) => appUrl(request, portalPath(token));
  const link = await issuePortalLink(actor, params.id, pageUrl);
  return { id: link.id, url: pageUrl(link.token), expiresAt: link.expiresAt.toISOString(), sentBy: link.sentBy };
});

export const GET = handle(endpoints.listPortalLinks, async ({ actor, params, query }) => {
  const { items, nextCursor } = await listPortalLinks(actor, params.id, query);
  return {
    items: items.map((link) => ({
      ...link,
      createdAt: link.createdAt.toISOString(),
      expiresAt: link.expiresAt.toISOString(),
      lastUsedAt: iso(link.lastUsedAt),
      revokedAt: iso(link.revokedAt),
    })),
    nextCursor,
  };
});
