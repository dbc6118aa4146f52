import type { Bundle, Resource } from "@medplum/fhirtypes";

/**
 * A search's answer (FHIR R4 Bundle type `searchset`): `resources` as its matches, in order,
 * each with its `fullUrl` under `base` (e.g. "https://clinic/fhir/R4"); `self` is the search as
 * asked, `next` the following page's URL when there is one (absent on the last page).
 */
export function searchset(base: string, resources: Resource[], links: { self: string; next: string | null }): Bundle {
  return {
    resourceType: "Bundle",
    type: "searchset",
    link: [{ relation: "self", url: links.self }, ...(links.next ? [{ relation: "next", url: links.next }] : [])],
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: "match" as const },
    })),
  };
}
