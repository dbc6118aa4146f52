// What each audit action means, in the words an administrator reads in the audit browser and
// its CSV export ("opened the patient record"), instead of the stored code ("patient.read").

const words: Record<string, string> = {
  sign_in: "signed in",
  "patient.create": "registered the patient",
  "patient.read": "opened the patient record",
  "patient.update": "changed the patient's details",
  "patient.search": "searched for patients",
  "patient.duplicate_check": "checked for duplicate patients",
  "case.create": "opened a case",
  "case.read": "opened the case",
  "case.read_summary": "opened the case summary",
  "case.list": "listed cases",
  "case.care_plan.read": "opened the post-operative plan",
  "case.plan_message.send": "sent the recovery plan to the patient",
  "case.imaging.record": "recorded imaging",
  "case.injection.record": "recorded a diagnostic injection",
  "case.course.start": "started a first-line course",
  "case.course.review": "reviewed the first-line course",
  "case.listing.record": "listed the patient for arthroscopy",
  "case.listing.priority": "changed the surgical priority",
  "case.assessment.record": "recorded the anaesthesia assessment",
  "case.operation.record": "recorded the operation",
  "case.crutches.wean": "recorded crutch weaning",
  "case.clearance.record": "cleared a return to activity",
  "outcome.return.record": "recorded a return to activity",
  "outcome.return.read": "viewed the returns to activity",
  "outcome.complication.record": "recorded a complication",
  "outcome.complication.read": "viewed the complications",
  "case.cancel": "cancelled the case",
  "case.discharge": "discharged the patient",
  "appointment.book": "booked an appointment",
  "appointment.move": "moved an appointment",
  "appointment.cancel": "cancelled an appointment",
  "appointment.read": "viewed appointments",
  "appointment.slots": "looked for free slots",
  "theatre.candidates": "looked for waiting-list patients to take a freed theatre time",
  "appointment.series_preview": "previewed the post-operative series",
  "appointment.series_book": "booked the post-operative series",
  "appointment.export_ics": "downloaded the appointments calendar file",
  "dressing.record": "recorded a dressing",
  "dressing.replace": "replaced a dressing visit",
  "dressing.round": "viewed the dressing round",
  "physio.record": "recorded a physiotherapy session",
  "recovery.read": "viewed the recovery board",
  "theatre_list.read": "viewed the theatre lists",
  "theatre_list.reorder": "changed the running order of a theatre list",
  "alert.acknowledge": "acknowledged a recovery alert",
  "pain_score.record": "recorded a pain score",
  "case.outcomes.read": "viewed the case's outcomes",
  "staff.create": "added a staff account",
  "staff.update": "changed a staff account",
  "staff.password_link": "issued a set-password link",
  "staff.password_set": "set a password",
  "staff.hours.set": "set working hours",
  "staff.hours.exception": "recorded leave or changed hours",
  "room.create": "added a room",
  "room.hours.set": "set a room's opening hours",
  "policies.set": "changed the clinic policies",
  "audit.read": "looked at the audit trail",
  "audit.export": "exported the audit trail as CSV",
  "analytics.compliance.cases": "viewed the cases behind the compliance figures",
  "analytics.export": "exported dashboard figures as CSV",
  "analytics.outcomes.export": "exported a table of the outcome figures as CSV",
  "waiting_list.read": "viewed the waiting list",
  "waiting_list.export": "exported the waiting list as CSV",
};

/**
 * The plain words for `action` (an audit code), with how many items a list read showed
 * ("searched for patients (3 shown)"); an action without words of its own is its code made
 * readable ("attendance.record" -> "attendance record"), so a new action never shows blank.
 */
export function describeAuditAction(action: string, itemCount: number | null): string {
  const described = words[action] ?? action.replace(/[._]/g, " ");
  return itemCount === null ? described : `${described} (${itemCount} shown)`;
}
