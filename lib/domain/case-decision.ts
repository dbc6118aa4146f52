// What a decision on a case is. A status changes only by a CaseMove, and nothing outside the
// domain can make one: its brand is a symbol no other module can name, so a service that tries
// to move a case on its own (a status of its choosing, an object it built) does not compile.
// The pathway's decisions (pathway.ts) are the only place a CaseMove is made.
import type { CaseStatus } from "./case-status";
import type { Violation } from "./rules";

declare const decidedByThePathway: unique symbol;

/**
 * A status change the pathway decided: from the status the case was in to the next, and why
 * (recorded with the transition). The one argument that moves a case.
 */
export type CaseMove = {
  readonly ok: true;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  readonly reason: string;
  readonly [decidedByThePathway]: true;
};
/** Allowed; the case keeps its status. */
export type Stay = { readonly ok: true; readonly to: null };
/** Refused with the rule it breaks. */
export type Refusal = { readonly ok: false; readonly violation: Violation };
/** A command on an existing case: refused, allowed with its move, or allowed in place. */
export type CaseDecision = CaseMove | Stay | Refusal;
/** A referral: the case it opens starts "referred" (recorded as the case's first transition). */
export type Opening = { readonly ok: true; readonly to: "referred"; readonly reason: string };
export type Decision = CaseDecision | Opening;
