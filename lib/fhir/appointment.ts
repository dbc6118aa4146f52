import type { Appointment as FhirAppointment, AppointmentParticipant, CodeableConcept } from "@medplum/fhirtypes";
import type { AppointmentKind, AppointmentStatus, Attendance } from "@/lib/domain/vocabulary";
import type { AppointmentView } from "@/lib/schemas/appointment";
import { localSystem, system } from "./terminology";

/** An appointment as the actor may see it (/api/v1), with the instant it was booked. */
type AppointmentWithCreation = AppointmentView & { created: string };

type FhirAppointmentStatus = FhirAppointment["status"];

/** Every code of R4's AppointmentStatus (http://hl7.org/fhir/appointmentstatus). */
export const fhirAppointmentStatuses: FhirAppointmentStatus[] = [
  "proposed",
  "pending",
  "booked",
  "arrived",
  "fulfilled",
  "cancelled",
  "noshow",
  "entered-in-error",
  "checked-in",
  "waitlist",
];

/** The stored status and attendance each AppointmentStatus code this server gives stands for (absent attendance: any). */
const storedStates: Partial<
  Record<FhirAppointmentStatus, { status: AppointmentStatus; attendance?: Attendance | null }>
> = {
  booked: { status: "booked", attendance: null },
  arrived: { status: "booked", attendance: "arrived" },
  fulfilled: { status: "booked", attendance: "attended" },
  noshow: { status: "booked", attendance: "did_not_attend" },
  cancelled: { status: "cancelled" },
};

/**
 * The R4 AppointmentStatus of a stored appointment: a cancelled one is `cancelled` whatever its
 * attendance (one the patient did not attend may be cancelled afterwards); otherwise `booked`
 * until attendance is marked, then `arrived`, `noshow`, or `fulfilled` once the visit, session or
 * operation is recorded.
 */
function fhirAppointmentStatus(status: AppointmentStatus, attendance: Attendance | null): FhirAppointmentStatus {
  if (status === "cancelled") return "cancelled";
  switch (attendance) {
    case null:
      return "booked";
    case "arrived":
      return "arrived";
    case "attended":
      return "fulfilled";
    case "did_not_attend":
      return "noshow";
  }
}

/**
 * What the status `code` means in stored terms, for a search: null for an AppointmentStatus code
 * this server never gives (proposed, pending, ...), undefined for a code R4 does not have.
 */
export function storedStateOf(
  code: string,
): { status: AppointmentStatus; attendance?: Attendance | null } | null | undefined {
  if (!fhirAppointmentStatuses.includes(code as FhirAppointmentStatus)) return undefined;
  return storedStates[code as FhirAppointmentStatus] ?? null;
}

/** The words for each kind, as the clinic's staff say them. */
const appointmentKindLabels: Record<AppointmentKind, string> = {
  consultation: "Consultation",
  follow_up: "Follow-up",
  imaging: "Imaging",
  injection: "Injection",
  anaesthesia_assessment: "Anaesthesia assessment",
  arthroscopy: "Arthroscopy",
  dressing: "Dressing",
  physio: "Physiotherapy",
};

const admissionWords = { day_case: "day case", inpatient: "inpatient stay" } as const;

/**
 * The kind as text and a code of the product's own system: no SNOMED CT code was confirmed for
 * each kind (see unconfirmedCodes in terminology.ts).
 */
const serviceType = (kind: AppointmentKind): CodeableConcept => ({
  coding: [{ system: localSystem("appointment-kind"), code: kind, display: appointmentKindLabels[kind] }],
  text: appointmentKindLabels[kind],
});

/**
 * HL7 v2-0276 (appointment reason) FOLLOWUP, "A follow up visit from a previous appointment", fits
 * the follow-up alone; no other kind is sent a code of that table (ROUTINE, "default if not
 * valued", says nothing an absent element does not).
 */
const appointmentType = (kind: AppointmentKind): CodeableConcept | undefined =>
  kind === "follow_up"
    ? {
        coding: [
          {
            system: system.v2AppointmentReason,
            code: "FOLLOWUP",
            display: "A follow up visit from a previous appointment",
          },
        ],
        text: appointmentKindLabels[kind],
      }
    : undefined;

/** HL7 v3 ParticipationType, in R4's encounter-participant-type value set. */
const performer = (code: "PPRF" | "SPRF", display: string, text: string): CodeableConcept[] => [
  { coding: [{ system: system.participationType, code, display }], text },
];

/** Plain words: the kind, the admission of an arthroscopy, a dressing at the patient's home. */
function description(appointment: AppointmentView): string {
  const words = [appointmentKindLabels[appointment.kind]];
  if (appointment.admission) words.push(admissionWords[appointment.admission]);
  // A dressing booked without a room is a home visit (the booking's homeVisit).
  if (appointment.kind === "dressing" && !appointment.room) words.push("at the patient's home");
  return words.join(", ");
}

/**
 * An appointment (the /api/v1 appointment record, as the actor may see it) as FHIR R4 Appointment:
 * status from its stored status and attendance (fhirAppointmentStatus), the kind as serviceType
 * (and, for a follow-up, appointmentType v2-0276 FOLLOWUP), start and end (instants, UTC),
 * minutesDuration, created, the reason of a cancellation when the actor's role may read it, and
 * its participants, each required and accepted: the patient, the clinician (v3 ParticipationType
 * PPRF, primary performer), the anaesthetist of an arthroscopy (SPRF, secondary performer: present
 * throughout and substantially involved, not the one who performs it) and the room.
 */
export function toFhirAppointment(appointment: AppointmentWithCreation): FhirAppointment {
  const status = fhirAppointmentStatus(appointment.status, appointment.attendance);
  // The history holds a reason only for a role that may read it (the administrator sees none).
  const cancellation = appointment.history.findLast((e) => e.action === "cancelled");
  const participant: AppointmentParticipant[] = [
    {
      actor: { reference: `Patient/${appointment.patient.id}`, display: appointment.patient.name },
      required: "required",
      status: "accepted",
    },
  ];
  if (appointment.clinician)
    participant.push({
      type: performer("PPRF", "primary performer", "Clinician"),
      actor: { reference: `Practitioner/${appointment.clinician.id}`, display: appointment.clinician.name },
      required: "required",
      status: "accepted",
    });
  if (appointment.anaesthetist)
    participant.push({
      type: performer("SPRF", "secondary performer", "Anaesthetist"),
      actor: { reference: `Practitioner/${appointment.anaesthetist.id}`, display: appointment.anaesthetist.name },
      required: "required",
      status: "accepted",
    });
  if (appointment.room)
    participant.push({
      actor: { reference: `Location/${appointment.room.id}`, display: appointment.room.name },
      required: "required",
      status: "accepted",
    });
  const start = new Date(appointment.start);
  const end = new Date(appointment.end);
  return {
    resourceType: "Appointment",
    id: appointment.id,
    status,
    cancelationReason: status === "cancelled" && cancellation?.reason ? { text: cancellation.reason } : undefined,
    serviceType: [serviceType(appointment.kind)],
    appointmentType: appointmentType(appointment.kind),
    description: description(appointment),
    start: start.toISOString(),
    end: end.toISOString(),
    minutesDuration: Math.max(1, Math.round((end.getTime() - start.getTime()) / 60_000)),
    created: appointment.created,
    participant,
  };
}
