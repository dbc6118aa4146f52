import type { Role } from "@/lib/auth/policy";

export const navigation: Record<Role, { href: string; label: string }[]> = {
  reception: [
    { href: "/reception", label: "Patients" },
    { href: "/reception/patients/new", label: "Register a patient" },
  ],
  nurse: [{ href: "/nurse", label: "Dressing round" }],
  surgeon: [{ href: "/surgeon", label: "Case review" }],
  anaesthetist: [{ href: "/anaesthetist", label: "Pre-operative assessments" }],
  physio: [{ href: "/physio", label: "Physiotherapy" }],
  admin: [
    { href: "/admin", label: "Staff and rooms" },
    { href: "/admin/audit", label: "Audit trail" },
  ],
};

export const roleLabel: Record<Role, string> = {
  reception: "Reception",
  nurse: "Nurse",
  surgeon: "Surgeon",
  anaesthetist: "Anaesthetist",
  physio: "Physiotherapist",
  admin: "Administrator",
};
