import type { Resource, ResourceType } from "@medplum/fhirtypes";
import type { Actor } from "@/lib/auth/actor";
import type { Action } from "@/lib/auth/policy";
import type { ParsedSearch, SearchParameterDefinition } from "@/lib/fhir/search";

/**
 * One resource type the FHIR interface serves: the policy action its reads need (the same as the
 * same data's in /api/v1), its search parameters, and how to read one and search. Both audit
 * through the services they call; `search` answers one page and the cursor of the next.
 */
export type FhirResourceType = {
  type: ResourceType;
  /** What the resource holds here, for the CapabilityStatement. */
  documentation: string;
  action: Action;
  searchParams: SearchParameterDefinition[];
  /** The resource type each reference parameter points at ("Patient" when not named). */
  referenceTargets?: Record<string, ResourceType>;
  /** The resource with this id; throws `not_found` when there is none. */
  read: (actor: Actor, id: string) => Promise<Resource>;
  search: (actor: Actor, search: ParsedSearch) => Promise<{ resources: Resource[]; nextCursor: string | null }>;
};
