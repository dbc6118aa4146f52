import type { CodeableConcept } from "@medplum/fhirtypes";
import type { Side } from "@/lib/domain/vocabulary";
import { system } from "./terminology";

/** SNOMED CT 344001 |Ankle region structure|: the site of posterior ankle impingement and its arthroscopy. */
const ankleRegion = "344001";
/** SNOMED CT 272741003 |Laterality (attribute)|. */
const laterality = "272741003";
/** SNOMED CT 7771000 |Left| and 24028007 |Right|. */
const sideQualifier: Record<Side, string> = { left: "7771000", right: "24028007" };

/**
 * The ankle of `side` as a FHIR R4 body site: R4's CodeableConcept has no laterality of its own,
 * so the coding is the SNOMED CT post-coordinated expression (compositional grammar, allowed as
 * a code of http://snomed.info/sct) "ankle region structure, with laterality left|right", and the
 * text says it in words ("Left ankle"). An expression has no preferred term, so the coding has no display.
 */
export function ankleOf(side: Side): CodeableConcept {
  const words = side === "left" ? "Left ankle" : "Right ankle";
  return {
    coding: [{ system: system.snomed, code: `${ankleRegion}:${laterality}=${sideQualifier[side]}` }],
    text: words,
  };
}
