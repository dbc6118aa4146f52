import { fhirRoute, readOnly } from "@/lib/http/fhir/edge";
import { unservedPath } from "@/lib/http/fhir/resources";

// Anything below a resource (its _history, operations such as $everything): not served.
const path = "/fhir/R4/{type}/{id}/{rest}";
export const GET = fhirRoute<{ type: string; id: string; rest: string[] }>(path, async () => unservedPath());
export const { POST, PUT, PATCH, DELETE } = readOnly(path);
