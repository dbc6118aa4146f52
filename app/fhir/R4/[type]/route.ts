import { fhirRoute, readOnly } from "@/lib/http/fhir/edge";
import { searchResources } from "@/lib/http/fhir/resources";

const path = "/fhir/R4/{type}";
export const GET = fhirRoute<{ type: string }>(path, (request, params) => searchResources(request, params.type));
export const { POST, PUT, PATCH, DELETE } = readOnly(path);
