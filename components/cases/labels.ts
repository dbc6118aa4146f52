// Words staff use for the API's codes: one for every value of the vocabulary, or tsc fails.
import type {
  AnaesthesiaType,
  ClearanceActivity,
  Guidance,
  Measure,
  Mechanism,
  Onset,
  Modality,
  Outcome,
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
