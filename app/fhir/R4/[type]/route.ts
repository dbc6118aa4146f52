import { fhirRoute } from "@/lib/http/fhir/edge";
import { searchResources } from "@/lib/http/fhir/resources";

export const GET = fhirRoute("/fhir/R4/{type}", (request, params) => searchResources(request, params.type!));
