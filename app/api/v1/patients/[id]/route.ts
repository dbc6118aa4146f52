import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { getPatient, updatePatient } from "@/lib/services/patients";

export const GET = handle(endpoints.getPatient, ({ actor, params }) => getPatient(actor, params.id));
export const PATCH = handle(endpoints.updatePatient, ({ actor, params, body }) =>
  updatePatient(actor, params.id, body),
);
