// The outcome records of a case (OC-2, OC-3), spread into the endpoint catalogue (endpoints.ts).
import { idParams } from "@/lib/schemas/common";
import {
  activityReturnInput,
  activityReturnList,
  activityReturnView,
  complicationInput,
  complicationList,
  complicationView,
} from "@/lib/schemas/outcome-records";
import type { Endpoint } from "./endpoints";

const define = <const E extends Endpoint>(endpoint: E) => endpoint;

export const outcomeRecordEndpoints = {
  listActivityReturns: define({
    method: "get",
    path: "/api/v1/cases/{id}/activity-returns",
    action: "outcome.read",
    summary:
      "The days the patient resumed each activity, in days from the operation against the leaflet's timetable (OC-2)",
    params: idParams,
    response: activityReturnList,
  }),
  recordActivityReturn: define({
    method: "post",
    path: "/api/v1/cases/{id}/activity-returns",
    action: "outcome.recordReturn",
    summary:
      "Record the day the patient resumed cycling, swimming, running or their own sport, never before its clearance (OC-2)",
    params: idParams,
    body: activityReturnInput,
    response: activityReturnView,
    status: 201,
  }),
  listComplications: define({
    method: "get",
    path: "/api/v1/cases/{id}/complications",
    action: "outcome.read",
    summary:
      "The case's complications (OC-3), and the one each dressing visit with signs of infection offers until it is recorded",
    params: idParams,
    response: complicationList,
  }),
  recordComplication: define({
    method: "post",
    path: "/api/v1/cases/{id}/complications",
    action: "outcome.recordComplication",
    summary:
      "Record a complication with its day, kind and Clavien-Dindo grade, optionally from a dressing visit (OC-3)",
    params: idParams,
    body: complicationInput,
    response: complicationView,
    status: 201,
  }),
} as const;
