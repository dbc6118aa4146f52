import { fhirRoute, readOnly } from "@/lib/http/fhir/edge";
import { serverCapability } from "@/lib/http/fhir/resources";

const path = "/fhir/R4/metadata";
export const GET = fhirRoute<Record<string, never>>(path, async (request) => serverCapability(request, new Date()));
export const { POST, PUT, PATCH, DELETE } = readOnly(path);
