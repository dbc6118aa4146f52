import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { appUrl } from "@/lib/http/links";
import { setPasswordPath } from "@/lib/services/password-links";
import { createStaffAccount } from "@/lib/services/staff-accounts";
import { listStaff } from "@/lib/services/staff";

export const GET = handle(endpoints.listStaff, ({ query }) => listStaff(query.role));
export const POST = handle(endpoints.createStaff, async ({ actor, body, request }) => {
  const { passwordLink, ...account } = await createStaffAccount(actor, body);
  return {
    ...account,
    passwordLink: {
      id: passwordLink.id,
      url: appUrl(request, setPasswordPath(passwordLink.token)),
      expiresAt: passwordLink.expiresAt.toISOString(),
    },
  };
});
