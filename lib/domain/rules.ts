// The rules the product enforces, by stable ID, in words staff understand. Pathway rules come
// from the clinical protocol; PW rules are the product's own rules about the record itself;
// AC rules are its rules about staff accounts.
// tests/rule-catalogue.test.ts fails when a rule here has no test naming it.

export const ruleCatalogue = {
  "DX-1":
    "Imaging is a non-weight-bearing X-ray, MRI, CT without contrast, CT arthrogram or bone scan, recorded with its date, findings and whether it supports the diagnosis.",
  "DX-2":
    "A diagnostic steroid injection may be recorded only after imaging, and only while no imaging has confirmed the diagnosis.",
  "DX-3":
    "A case is diagnosed only by confirming imaging or a diagnostic injection that relieved the pain; first-line treatment cannot start before that.",
  "DX-4": "A case records the mechanism (traumatic, repeated microtrauma or unknown) and the symptoms.",
  "FL-1": "A first-line course records at least one measure, its start date, and is then reviewed.",
  "FL-2": "Immobilisation or non-weight-bearing on crutches is allowed only when the pain is recorded as severe.",
  "FL-3": "A course's review is resolved, partly worked or failed, once; resolved closes the case.",
  "SX-1": "Only a surgeon lists a case for surgery, and only after a first-line course that failed or partly worked.",
  "SX-2": "An operation needs a completed pre-operative anaesthesia assessment that records the anaesthesia type.",
  "SX-3":
    "An anaesthesia assessment is valid for a set number of days (clinic policy, 90 by default): the operation must fall on or after it and within that window.",
  "SX-4":
    "A day case only when the assessment confirms friends or family can help at home; otherwise the patient is admitted.",
  "SX-5":
    "The operation note states the procedure, the anaesthesia given (a change from the assessed type needs a reason), the findings and the analgesia for home.",
  "SX-6": "Recording the operation generates the post-operative plan in the same step.",
  "PO-1": "Crutches for 10 to 15 days: weaning may not be recorded before day 10.",
  "PO-2": "No cast or splint after the operation: the plan holds no immobilisation and the instructions say so.",
  "PO-3":
    "A nurse dresses the wound every other day, from day 2 (planned to day 14 by clinic policy, and on while the wound is not healed).",
  "PO-4":
    "Physiotherapy starts within 7 days of the operation (clinic policy), then weekly; none before day 1. While its due day is ahead the first session is booked by it; from the due day on, a first session not yet held is booked at the earliest free time, never refused as late, and the surgeon is alerted until it takes place.",
  "PO-5": "Day-to-day activities resume over a few days to a few weeks: guidance only.",
  "PO-6":
    "Cycling and swimming are cleared no earlier than day 21, running no earlier than two months after the operation.",
  "SC-1": "No clinician, room or patient is ever in two overlapping appointments.",
  "SC-2": "Appointments fall inside the clinician's working hours and the room's opening hours.",
  "SC-3":
    "Each kind of appointment needs the right people and room: a surgeon for consultations, follow-ups, injections and arthroscopy (with an anaesthetist and a theatre), an anaesthetist for assessments, a nurse for dressings, a physiotherapist for physiotherapy, an imaging room for imaging.",
  "SC-4": "Cancelling or moving an appointment needs a reason; nothing is deleted and the history stays.",
  "SC-5":
    "Each kind of appointment has a default length (clinic policy): consultation 20 minutes, follow-up 15, imaging 30, injection 30, anaesthesia assessment 30, arthroscopy 90, dressing 20, physiotherapy 45.",
  "WL-1":
    "Listing records a clinical priority: P1 within 72 hours, P2 within 1 month, P3 within 3 months, P4 may wait longer. Only a surgeon changes it, with a reason, while the patient waits; the history stays.",
  "WL-2":
    "Two referral-to-treatment clocks in calendar days: referral to first-line treatment, and listing to the operation; each breaches after the 18-week target (clinic policy). A cancelled case stops its clocks.",
  "WL-3":
    "The waiting list holds every listed case not yet operated or cancelled, by priority, then breach date, then listing date.",
  "WL-4":
    "Free theatre time is offered only to waiting cases that could take it as booked: an assessment valid that day, a day case only when allowed, the surgeon and an anaesthetist free; in waiting-list order.",
  "WL-5":
    "Theatre sessions are half days per theatre (morning and afternoon, clinic policy); an arthroscopy belongs to the session it starts in; a new running order names every arthroscopy booked on the session's list, each once.",
  "OC-1":
    "Pain is scored 0 to 10 for the operated ankle, never in the future: at referral, at listing, in the 30 days before the operation, and 6 weeks, 3, 6 and 12 months after it, each within its window (clinic policy). A patient's own report takes the time point whose window holds its date, or none.",
  "OC-2":
    "A return to cycling, swimming, running or the patient's own sport is recorded once, by a surgeon or physiotherapist, never before that activity was cleared and never in the future.",
  "OC-3":
    "A complication is recorded by a surgeon, dated on or after the operation and not in the future, with its kind and Clavien-Dindo grade.",
  "OC-4":
    "An improvement is clinically important when a score after the operation is at least 2 points (clinic policy) below the baseline: the score before the operation, else at listing, else at referral.",
  "OC-5":
    "Compliance is measured per rule over a period from the record: dressings on their due day, crutch weaning within days 10 to 15, first physiotherapy by its due day, clearances on or after their earliest day, assessment valid at the operation.",
  "PW-1": "Clinical events cannot be dated in the future.",
  "PW-2": "A case's events keep the pathway's order: nothing is dated before the step it follows.",
  "PW-3": "This step is not possible in the case's current state.",
  "AC-1":
    "The clinic always keeps an administrator: nobody changes their own role or deactivates their own account, and a site's last active administrator stays one.",
  "AC-2":
    "A set-password link works once, for 72 hours after it is issued, and only until a newer link is issued for the account.",
} as const;

export type RuleId = keyof typeof ruleCatalogue;

export type Violation = { rule: RuleId; message: string };

export const violation = (rule: RuleId, message: string = ruleCatalogue[rule]): Violation => ({ rule, message });
