// The resource types the FHIR interface serves, and its two interactions over them: read and
// search. The CapabilityStatement is made from the same list, so it lists exactly these.
import type { Bundle, CapabilityStatement, Resource } from "@medplum/fhirtypes";
import { requireActor } from "@/lib/auth/actor";
import { DomainError, notFoundBecause, notFound, validationError } from "@/lib/domain/errors";
import { searchset } from "@/lib/fhir/bundle";
import { capabilityStatement } from "@/lib/fhir/capability";
import { parseSearch } from "@/lib/fhir/search";
import { uuid } from "@/lib/schemas/common";
import { version as packageVersion } from "@/package.json";
import { fhirBase } from "./edge";
import { locationType } from "./location";
import { carePlanType } from "./care-plan";
import { observationType } from "./observation";
import { appointmentType } from "./appointment";
import { patientType } from "./patient";
import { practitionerRoleType, practitionerType } from "./practitioner";
import { conditionType } from "./condition";
import { procedureType } from "./procedure";
import type { FhirResourceType } from "./resource-type";

export const fhirResourceTypes: FhirResourceType[] = [
  patientType,
  practitionerType,
  practitionerRoleType,
  locationType,
  conditionType,
  appointmentType,
  procedureType,
  carePlanType,
  observationType,
];

function resourceType(type: string): FhirResourceType {
  const found = fhirResourceTypes.find((t) => t.type === type);
  if (!found) throw notFoundBecause(`This server does not serve ${type.slice(0, 64)} resources.`);
  return found;
}

/** Refuses (400, naming each) a parameter a read or the CapabilityStatement does not take: only `_format` asking for JSON. */
function noParameters(request: Request): void {
  parseSearch(new URL(request.url).searchParams, []);
  const refused = [...new URL(request.url).searchParams.keys()].filter((name) => name !== "_format");
  if (refused.length) throw validationError(refused.map((path) => ({ path, message: "A read takes no parameters" })));
}

/** GET [base]/{type}/{id}: 401 without a session, 403 when the role may not read it, 404 for an unknown type or id, 400 for parameters. */
export async function readResource(request: Request, type: string, id: string): Promise<Resource> {
  const served = resourceType(type);
  const actor = await requireActor(served.action, request);
  noParameters(request);
  // Every id here is one of the clinic's record ids (a UUID): anything else names nothing.
  if (!uuid.safeParse(id).success) throw notFound(`${served.type}/${id.slice(0, 64)}`);
  return served.read(actor, id.toLowerCase());
}

/**
 * GET [base]/{type}?...: a searchset Bundle of one page, with `self` and (when there are more)
 * `next` links; 400 for a parameter the type does not support or a value in the wrong form.
 */
export async function searchResources(request: Request, type: string): Promise<Bundle> {
  const served = resourceType(type);
  const actor = await requireActor(served.action, request);
  const url = new URL(request.url);
  const search = parseSearch(url.searchParams, served.searchParams, served.referenceTargets);
  const page = await served.search(actor, search).catch((error: unknown) => {
    throw cursorAsParameter(error);
  });
  const base = fhirBase(request);
  const self = `${base}/${served.type}${url.search}`;
  let next: string | null = null;
  if (page.nextCursor) {
    const following = new URLSearchParams(url.searchParams);
    following.set("_cursor", page.nextCursor);
    next = `${base}/${served.type}?${following}`;
  }
  return searchset(base, page.resources, { self, next });
}

/** A service's refusal of the page's cursor, named as the search parameter that carried it (`_cursor`). */
function cursorAsParameter(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.kind !== "invalid") return error;
  const errors = (error.extra.errors as { path: string; message: string }[] | undefined)?.map((e) =>
    e.path === "cursor" ? { ...e, path: "_cursor" } : e,
  );
  return errors ? validationError(errors) : error;
}

/** What answers a path the interface does not serve (the base alone, _history, operations): 404. */
export function unservedPath(): never {
  throw notFoundBecause("This FHIR interface serves reads (/{type}/{id}), searches (/{type}?...) and /metadata only.");
}

/** GET [base]/metadata: what this server supports, as of `now`; public, like any FHIR server's. */
export function serverCapability(request: Request, now: Date): CapabilityStatement {
  noParameters(request);
  return capabilityStatement({
    baseUrl: fhirBase(request),
    version: packageVersion,
    date: now.toISOString().slice(0, 10),
    resources: fhirResourceTypes.map((t) => ({
      type: t.type,
      documentation: t.documentation,
      searchParams: t.searchParams,
    })),
  });
}
