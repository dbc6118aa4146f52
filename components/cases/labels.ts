// Words staff use for the API's codes: one for every value of the vocabulary, or tsc fails.
import type {
  AnaesthesiaType,
  ClavienDindoGrade,
  ClearanceActivity,
  ComplicationKind,
  Guidance,
  Measure,
  Mechanism,
  Onset,
  Modality,
  Outcome,
  PainTimepoint,
  ReturnActivity,
} from "@/lib/domain/vocabulary";

export const modalityLabel: Record<Modality, string> = {
  xray_nwb: "X-ray, non-weight-bearing",
  mri: "MRI",
  ct: "CT without contrast",
  ct_arthrogram: "CT arthrogram",
  bone_scan: "Bone scan (scintigraphy)",
};
export const guidanceLabel: Record<Guidance, string> = {
  xray: "X-ray",
  ultrasound: "Ultrasound",
};
export const measureLabel: Record<Measure, string> = {
  analgesics: "Oral analgesics / anti-inflammatories",
  cryotherapy: "Cryotherapy",
  strapping: "Strapping (limits plantar flexion)",
  immobilisation: "Immobilisation / non-weight-bearing on crutches",
  physiotherapy: "Massage and physiotherapy",
  guided_injection: "Guided steroid injection",
};
export const outcomeLabel: Record<Outcome, string> = {
  resolved: "Resolved",
  partly_worked: "Partly worked",
  failed: "Failed",
};
export const anaesthesiaLabel: Record<AnaesthesiaType, string> = {
  locoregional: "Loco-regional",
  general: "General",
  spinal: "Spinal",
};
export const onsetLabel: Record<Onset, string> = { instant: "Instant", delayed: "Delayed" };

export const mechanismLabel: Record<Mechanism, string> = {
  traumatic: "Traumatic",
  microtrauma: "Repeated microtrauma",
  unknown: "Unknown",
};
export const activityLabel: Record<ClearanceActivity, string> = {
  cycling: "Cycling",
  swimming: "Swimming",
  running: "Running",
  other: "Other sport",
};
export const painTimepointLabel: Record<PainTimepoint, string> = {
  referral: "At referral",
  listing: "At listing",
  pre_op: "Before the operation",
  week_6: "6 weeks after",
  month_3: "3 months after",
  month_6: "6 months after",
  month_12: "12 months after",
};
export const returnActivityLabel: Record<ReturnActivity, string> = {
  cycling: "Cycling",
  swimming: "Swimming",
  running: "Running",
  sport: "Own sport",
};
export const complicationKindLabel: Record<ComplicationKind, string> = {
  wound_infection: "Wound infection",
  nerve_injury: "Nerve injury with numbness",
  tendon_injury: "Tendon injury",
  deep_vein_thrombosis: "Deep vein thrombosis",
  crps: "Complex regional pain syndrome",
  recurrence: "Recurrence of impingement",
  reoperation: "Re-operation",
  other: "Other",
};
/** Clavien-Dindo grades in plain words (Dindo, Demartines, Clavien, Ann Surg 2004). */
export const clavienDindoMeaning: Record<ClavienDindoGrade, string> = {
  I: "Grade I: any deviation from the normal course without drugs beyond antiemetics, analgesics, antipyretics, diuretics, electrolytes or physiotherapy, or surgical, endoscopic or radiological treatment (wound infections opened at the bedside included)",
  II: "Grade II: needs other drugs (antibiotics, anticoagulants), blood transfusion or parenteral nutrition",
  IIIa: "Grade IIIa: needs a surgical, endoscopic or radiological intervention, not under general anaesthesia",
  IIIb: "Grade IIIb: needs an intervention under general anaesthesia",
  IVa: "Grade IVa: life-threatening, single organ dysfunction needing intensive care",
  IVb: "Grade IVb: life-threatening, multi-organ dysfunction needing intensive care",
  V: "Grade V: death of the patient",
};
