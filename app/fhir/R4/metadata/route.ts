import { fhirRoute } from "@/lib/http/fhir/edge";
import { serverCapability } from "@/lib/http/fhir/resources";

export const GET = fhirRoute("/fhir/R4/metadata", async (request) => serverCapability(request, new Date()));
