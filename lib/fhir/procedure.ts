import type { CodeableConcept, Procedure, ProcedurePerformer } from "@medplum/fhirtypes";
import type { OperationNote } from "@/lib/services/operations";
import { ankleOf } from "./body-site";
import { localSystem, system } from "./terminology";

/** SNOMED CT 387713003 |Surgical procedure| (R4's procedure-category value set). */
const surgicalProcedure: CodeableConcept = {
  coding: [{ system: system.snomed, code: "387713003", display: "Surgical procedure" }],
};

/** The anaesthesia given, in words (SX-5). */
const anaesthesiaWords: Record<OperationNote["anaesthesiaGiven"], string> = {
  locoregional: "loco-regional",
  general: "general",
  spinal: "spinal",
};

/**
 * An operation (SX-5) as FHIR R4 Procedure (id = the operation's id): a completed surgical
 * procedure, the posterior ankle arthroscopy (no standard code confirmed: a local code, and the
 * procedure as the surgeon recorded it as text), on the case's ankle with laterality, for the
 * case's condition (`Condition/<case id>`), performed at `performedAt` by the surgeon and, when
 * the arthroscopy appointment it attended names one, the anaesthetist, in that appointment's
 * theatre. The notes hold the findings and the anaesthesia given: clinical detail, which only the
 * roles that read the clinical record are served.
 */
export function toFhirProcedure(operation: OperationNote): Procedure {
  const performer: ProcedurePerformer[] = [
    {
      function: { text: "Surgeon" },
      actor: { reference: `Practitioner/${operation.surgeon.id}`, display: operation.surgeon.name },
    },
  ];
  const anaesthetist = operation.theatre?.anaesthetist;
  if (anaesthetist)
    performer.push({
      function: { text: "Anaesthetist" },
      actor: { reference: `Practitioner/${anaesthetist.id}`, display: anaesthetist.name },
    });
  const room = operation.theatre?.room;
  const anaesthesia = anaesthesiaWords[operation.anaesthesiaGiven];
  return {
    resourceType: "Procedure",
    id: operation.id,
    status: "completed",
    category: surgicalProcedure,
    code: {
      coding: [
        {
          system: localSystem("procedure"),
          code: "posterior-ankle-arthroscopy",
          display: "Posterior ankle arthroscopy",
        },
      ],
      text: operation.procedure,
    },
    subject: { reference: `Patient/${operation.patient.id}`, display: operation.patient.name },
    performedDateTime: operation.performedAt,
    performer,
    location: room ? { reference: `Location/${room.id}`, display: room.name } : undefined,
    reasonReference: [{ reference: `Condition/${operation.caseId}` }],
    bodySite: [ankleOf(operation.side)],
    note: [
      { text: `Findings: ${operation.findings}` },
      {
        text: operation.anaesthesiaChangeReason
          ? `Anaesthesia given: ${anaesthesia} (changed from the assessment's plan: ${operation.anaesthesiaChangeReason})`
          : `Anaesthesia given: ${anaesthesia}`,
      },
    ],
  };
}
