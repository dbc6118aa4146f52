import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { createStaffAccount } from "@/lib/services/staff-accounts";
import { listStaff } from "@/lib/services/staff";

export const GET = handle(endpoints.listStaff, ({ query }) => listStaff(query.role));
export const POST = handle(endpoints.createStaff, ({ actor, body }) => createStaffAccount(actor, body));
