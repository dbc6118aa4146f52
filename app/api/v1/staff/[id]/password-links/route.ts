import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { appUrl } from "@/lib/http/links";
import { issuePasswordLink, setPasswordPath } from "@/lib/services/password-links";

export const POST = handle(endpoints.issuePasswordLink, async ({ actor, params, request }) => {
  const link = await issuePasswordLink(actor, params.id);
  return { id: link.id, url: appUrl(request, setPasswordPath(link.token)), expiresAt: link.expiresAt.toISOString() };
});
