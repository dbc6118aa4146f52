import type { Role } from "@/lib/auth/policy";

export const navigation: Record<Role, { href: string; label: string }[]> = {
  reception: [
    { href: "/reception", label: "Patients" },
    { href: "/reception/patients/new", label: "Register a patient" },
    { href: "/waiting-list", label: "Waiting list" },
    { href: "/theatre-lists", label: "Theatre lists" },
    { href: "/calendar", label: "Calendar" },
  ],
  nurse: [
    { href: "/nurse", label: "Dressing round" },
    { href: "/theatre-lists", label: "Theatre lists" },
    { href: "/calendar", label: "Calendar" },
  ],
  surgeon: [
    { href: "/surgeon", label: "Case review" },
    { href: "/waiting-list", label: "Waiting list" },
    { href: "/dashboard", label: "Dashboard" },
    { href: "/theatre-lists", label: "Theatre lists" },
    { href: "/calendar", label: "Calendar" },
  ],
  anaesthetist: [
    { href: "/anaesthetist", label: "Pre-operative assessments" },
    { href: "/waiting-list", label: "Waiting list" },
    { href: "/theatre-lists", label: "Theatre lists" },
    { href: "/calendar", label: "Calendar" },
  ],
  physio: [
    { href: "/physio", label: "Physiotherapy" },
    { href: "/theatre-lists", label: "Theatre lists" },
    { href: "/calendar", label: "Calendar" },
  ],
  admin: [
    { href: "/admin", label: "Staff and rooms" },
    { href: "/admin/hours", label: "Hours" },
    { href: "/admin/policies", label: "Policies" },
    { href: "/admin/messages", label: "Messages" },
    { href: "/waiting-list", label: "Waiting list" },
    { href: "/dashboard", label: "Dashboard" },
    { href: "/calendar", label: "Calendar" },
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
