// Words staff use for the API's codes.
export const modalityLabel: Record<string, string> = {
  xray_nwb: "X-ray, non-weight-bearing",
  mri: "MRI",
  ct: "CT without contrast",
  ct_arthrogram: "CT arthrogram",
  bone_scan: "Bone scan (scintigraphy)",
};
export const measureLabel: Record<string, string> = {
  analgesics: "Oral analgesics / anti-inflammatories",
  cryotherapy: "Cryotherapy",
  strapping: "Strapping (limits plantar flexion)",
  immobilisation: "Immobilisation / non-weight-bearing on crutches",
  physiotherapy: "Massage and physiotherapy",
  guided_injection: "Guided steroid injection",
};
export const outcomeLabel: Record<string, string> = {
  resolved: "Resolved",
  partly_worked: "Partly worked",
  failed: "Failed",
};
export const anaesthesiaLabel: Record<string, string> = {
  locoregional: "Loco-regional",
  general: "General",
  spinal: "Spinal",
};
export const mechanismLabel: Record<string, string> = {
  traumatic: "Traumatic",
  microtrauma: "Repeated microtrauma",
  unknown: "Unknown",
};
export const activityLabel: Record<string, string> = {
  cycling: "Cycling",
  swimming: "Swimming",
  running: "Running",
  other: "Other sport",
};

export const formatDate = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
export const formatInstant = (iso: string, timeZone: string) =>
  new Date(iso).toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
  });
