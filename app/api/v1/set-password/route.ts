import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { setPasswordWithLink } from "@/lib/services/password-links";

export const POST = handle(endpoints.setPassword, ({ body }) => setPasswordWithLink(body));
