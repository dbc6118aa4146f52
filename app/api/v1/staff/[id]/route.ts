import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { updateStaffAccount } from "@/lib/services/staff-accounts";

export const PATCH = handle(endpoints.updateStaff, ({ actor, params, body }) =>
  updateStaffAccount(actor, params.id, body),
);
