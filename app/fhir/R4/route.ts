import { fhirRoute, readOnly } from "@/lib/http/fhir/edge";
import { unservedPath } from "@/lib/http/fhir/resources";

// The base itself: a search across every type, or a batch or transaction (POST), is not served.
const path = "/fhir/R4";
export const GET = fhirRoute<Record<string, never>>(path, async () => unservedPath());
export const { POST, PUT, PATCH, DELETE } = readOnly(path);
