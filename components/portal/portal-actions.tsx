// What the patient can do on their page: report today's pain score and ask for an appointment to
// be moved. Props come from the page (app/portal/[token]/page.tsx).

/** An upcoming appointment as the patient's page shows it, with its move request if any. */
export type PortalAppointment = {
  id: string;
  /** In plain words: "dressing visit". */
  what: string;
  /** Site-local day and time: "Thu 3 Dec 2026, 10:30". */
  when: string;
  moveRequest: { status: "open" | "done" | "declined"; requestedAt: string; response: string | null } | null;
};

export type PortalActionsProps = {
  token: string;
  appointments: PortalAppointment[];
  /** The score the patient reported today (site-local day), if any. */
  painToday: { score: number } | null;
};

export function PortalActions(props: PortalActionsProps) {
  void props;
  return null;
}
