import { endpoints } from "@/lib/http/endpoints";
import { handle } from "@/lib/http/handler";
import { registerPatient, searchPatients } from "@/lib/services/patients";

export const GET = handle(endpoints.searchPatients, ({ actor, query }) => searchPatients(actor, query));
export const POST = handle(endpoints.registerPatient, ({ actor, body }) => registerPatient(actor, body));
