import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { bookPostOperativeSeries } from "@/lib/services/appointment-series";

export const POST = handle(endpoints.bookPostOperativeSeries, ({ actor, params, body }) =>
  bookPostOperativeSeries(actor, params.id, body),
);
