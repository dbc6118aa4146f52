import { expect, type APIRequestContext } from "@playwright/test";
import type { AnswerOf, CallOf } from "@/lib/http/client";
import { endpoints, type Endpoint } from "@/lib/http/endpoints";
import { send } from "./support";
import { daysAgo, earlierToday, siteAt } from "./clock";

export type Clients = { reception: APIRequestContext; surgeon: APIRequestContext; anaesthetist: APIRequestContext };

/** Sends a command of the catalogue, typed by its schemas; expects `expected` and returns the typed answer. */
export async function post<E extends Endpoint>(
  api: APIRequestContext,
  endpoint: E,
  call: CallOf<E>,
  expected = 201,
): Promise<AnswerOf<E>> {
  const response = await send(api, endpoint, call);
  const body = await response.json();
  expect(response.status(), JSON.stringify(body)).toBe(expected);
  return body;
}

export async function newPatient(reception: APIRequestContext) {
  return post(reception, endpoints.registerPatient, {
    body: {
      givenName: "Pathway",
      familyName: `Tester${Math.random().toString(36).slice(2, 8)}`,
      birthDate: "1990-04-04",
      sex: "female",
    },
  });
}

const stages = ["referred", "diagnosed", "first_line", "failed_course", "listed", "assessed", "operated"] as const;
export type Stage = (typeof stages)[number];

/**
 * Walks a new case through the API up to `stage`; the operation, if any, `operatedDaysAgo` days
 * back; the referral `referredDaysAgo` days back (default: today).
 */
export async function caseAt(
  c: Clients,
  stage: Stage,
  options: {
    operatedDaysAgo?: number;
    homeSupport?: boolean;
    assessedDaysBeforeOperation?: number;
    referredDaysAgo?: number;
  } = {},
) {
  const op = options.operatedDaysAgo ?? 2;
  const patient = await newPatient(c.reception);
  const kase = await post(c.reception, endpoints.createCase, {
    body: {
      patientId: patient.id,
      side: "right",
      mechanism: "traumatic",
      ...(options.referredDaysAgo === undefined ? {} : { referredOn: daysAgo(options.referredDaysAgo) }),
    },
  });
  const url = `/api/v1/cases/${kase.id}`;
  const reached = (s: Stage) => stages.indexOf(stage) >= stages.indexOf(s);
  let courseId = "";
  if (reached("diagnosed"))
    await post(c.surgeon, endpoints.recordImaging, {
      params: { id: kase.id },
      body: {
        modality: "mri",
        performedOn: daysAgo(op + 150),
        findings: "Os trigonum",
        supportsDiagnosis: true,
      },
    });
  if (reached("first_line"))
    courseId = (
      await post(c.surgeon, endpoints.startFirstLineCourse, {
        params: { id: kase.id },
        body: {
          startedOn: daysAgo(op + 140),
          painSeverity: "moderate",
          measures: ["analgesics"],
        },
      })
    ).id;
  if (reached("failed_course"))
    await post(
      c.surgeon,
      endpoints.reviewFirstLineCourse,
      { params: { id: kase.id, courseId }, body: { reviewedOn: daysAgo(op + 100), outcome: "failed" } },
      200,
    );
  if (reached("listed"))
    await post(c.surgeon, endpoints.listForSurgery, { params: { id: kase.id }, body: { listedOn: daysAgo(op + 95) } });
  if (reached("assessed")) {
    await post(c.anaesthetist, endpoints.recordAnaesthesiaAssessment, {
      params: { id: kase.id },
      body: {
        assessedOn: daysAgo(op + (options.assessedDaysBeforeOperation ?? 30)),
        asaGrade: 2,
        anaesthesiaType: "locoregional",
        homeSupport: options.homeSupport ?? true,
      },
    });
  }
  if (reached("operated")) {
    await post(c.surgeon, endpoints.recordOperation, {
      params: { id: kase.id },
      body: {
        // An operation today has already happened; earlier ones late in the morning.
        performedAt: op === 0 ? earlierToday() : siteAt(daysAgo(op), 11),
        anaesthesiaGiven: "locoregional",
        findings: "Os trigonum excised",
        dischargeAnalgesia: "Paracetamol 1 g four times a day",
      },
    });
  }
  return { id: kase.id as string, url, courseId, patientId: patient.id as string };
}
