import { fhirRoute, readOnly } from "@/lib/http/fhir/edge";
import { readResource } from "@/lib/http/fhir/resources";

const path = "/fhir/R4/{type}/{id}";
export const GET = fhirRoute<{ type: string; id: string }>(path, (request, params) =>
  readResource(request, params.type, params.id),
);
export const { POST, PUT, PATCH, DELETE } = readOnly(path);
