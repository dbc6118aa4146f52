// The states of a case (one ankle of one patient) and the only moves between them.

export const caseStatuses = [
  "referred",
  "diagnosed",
  "first_line",
  "listed_for_surgery",
  "assessed",
  "scheduled",
  "operated",
  "recovery",
  "discharged",
  "closed_resolved",
  "cancelled",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

const moves: Record<CaseStatus, CaseStatus[]> = {
  referred: ["diagnosed", "cancelled"],
  diagnosed: ["first_line", "cancelled"],
  first_line: ["closed_resolved", "listed_for_surgery", "cancelled"],
  listed_for_surgery: ["assessed", "cancelled"],
  assessed: ["scheduled", "operated", "cancelled"],
  scheduled: ["assessed", "operated", "cancelled"],
  operated: ["recovery"],
  recovery: ["discharged"],
  discharged: [],
  closed_resolved: [],
  cancelled: [],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return moves[from].includes(to);
}

/** A case is open while the state machine still has a move for it (not discharged, closed or cancelled). */
export const isOpen = (status: CaseStatus): boolean => moves[status].length > 0;

export const statusLabel: Record<CaseStatus, string> = {
  referred: "Referred, awaiting diagnosis",
  diagnosed: "Diagnosed",
  first_line: "First-line treatment",
  listed_for_surgery: "Listed for surgery",
  assessed: "Assessed for anaesthesia",
  scheduled: "Operation scheduled",
  operated: "Operated",
  recovery: "In recovery",
  discharged: "Discharged",
  closed_resolved: "Closed: first-line treatment worked",
  cancelled: "Cancelled",
};
