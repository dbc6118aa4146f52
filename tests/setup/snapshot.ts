// A case as the pathway sees it on the day of referral: nothing recorded yet. Domain tests build
// every other state from it.
import type { CaseSnapshot } from "@/lib/domain/pathway";

export const referredCase: CaseSnapshot = {
  status: "referred",
  imaging: [],
  injections: [],
  courses: [],
  listing: null,
  assessments: [],
  operation: null,
  crutchesWeanedOn: null,
  clearances: [],
};
