// The code systems the FHIR interface speaks, and the codes it uses from them. Where a code
// could not be confirmed against its published code system, the resource carries text (and a
// code of the product's own system) instead of a guess, and `unconfirmedCodes` says so; the
// CapabilityStatement repeats it for other systems' integrators.

export const system = {
  snomed: "http://snomed.info/sct",
  loinc: "http://loinc.org",
  ucum: "http://unitsofmeasure.org",
  nhsNumber: "https://fhir.nhs.uk/Id/nhs-number",
  v2IdentifierType: "http://terminology.hl7.org/CodeSystem/v2-0203",
  conditionClinical: "http://terminology.hl7.org/CodeSystem/condition-clinical",
  conditionVerification: "http://terminology.hl7.org/CodeSystem/condition-ver-status",
  conditionCategory: "http://terminology.hl7.org/CodeSystem/condition-category",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  locationPhysicalType: "http://terminology.hl7.org/CodeSystem/location-physical-type",
  practitionerRole: "http://terminology.hl7.org/CodeSystem/practitioner-role",
  participationType: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
  appointmentStatus: "http://hl7.org/fhir/appointmentstatus",
  /** HL7 v2 table 0276, appointment reason codes (R4 Appointment.appointmentType's preferred binding). */
  v2AppointmentReason: "http://terminology.hl7.org/CodeSystem/v2-0276",
  /**
   * The clinic's own medical record numbers. A deployment that has an assigned namespace (an OID
   * or its trust's URL) replaces this one; the `.example` domain says it is a placeholder.
   */
  mrn: "https://ankle-pathway.example/fhir/Id/mrn",
  /** The product's own codes, for what no standard code was confirmed (see unconfirmedCodes). */
  local: "https://ankle-pathway.example/fhir/CodeSystem",
} as const;

/** A code of the product's own system for `concept` (e.g. "appointment-kind"). */
export const localSystem = (concept: string) => `${system.local}/${concept}`;

/**
 * What carries text and a local code rather than a standard code, and why; listed in the
 * CapabilityStatement. Each mapper that uses one names it here.
 */
export const unconfirmedCodes: { what: string; note: string }[] = [
  {
    what: "PractitionerRole.code for reception and the clinic administrator",
    note: `no HL7 practitioner-role code fits and no SNOMED CT occupation code was confirmed: the local ${localSystem("staff-role")} codes reception and admin, with text, are sent`,
  },
  {
    what: "Location.type (the room's kind)",
    note: `no HL7 ServiceDeliveryLocationRoleType code was confirmed for the clinic's room kinds: the local ${localSystem("room-kind")} codes theatre, consulting, imaging, physio and dressing, with text, are sent`,
  },
  {
    what: "Condition.code (posterior ankle impingement)",
    note: `no SNOMED CT concept was confirmed; sent as text with code posterior-ankle-impingement of ${localSystem("condition")}`,
  },
  {
    what: "Procedure.code (posterior ankle arthroscopy)",
    note: `no SNOMED CT or OPCS-4 code was confirmed; sent as the procedure the surgeon recorded (text) with code posterior-ankle-arthroscopy of ${localSystem("procedure")}`,
  },
  {
    what: "CarePlan.activity.detail.code",
    note: `Dressing visit, physiotherapy session, crutch-weaning review and return to cycling, swimming, running or another sport: no SNOMED CT procedure or regime codes were confirmed for them, so each carries text and a code of ${localSystem("care-plan-activity")}.`,
  },
  {
    what: "Observation.component (pain score time point)",
    note: `The outcome measures' time point (referral, listing, pre-operative, 6 weeks, 3, 6 and 12 months) has no confirmed LOINC or SNOMED CT code: the component's code is ${localSystem("pain-score-component")}|time-point and its value a code of ${localSystem("pain-time-point")}.`,
  },
  {
    what: "Appointment.serviceType",
    note: `the kind of appointment (consultation, follow-up, imaging, injection, anaesthesia assessment, arthroscopy, dressing, physiotherapy) as text and a code of ${localSystem("appointment-kind")}; no SNOMED CT code was confirmed for each kind. Only a follow-up also carries an appointmentType, HL7 v2-0276 FOLLOWUP.`,
  },
];
