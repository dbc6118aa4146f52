import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { listStaff } from "@/lib/services/staff";

export const GET = handle(endpoints.listStaff, ({ query }) => listStaff(query.role));
