import { fhirRoute } from "@/lib/http/fhir/edge";
import { readResource } from "@/lib/http/fhir/resources";

export const GET = fhirRoute("/fhir/R4/{type}/{id}", (request, params) =>
  readResource(request, params.type!, params.id!),
);
