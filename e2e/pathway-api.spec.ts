import { expect, test } from "@playwright/test";
import { addDays, addMonthsClamped } from "@/lib/domain/time";
import type { BodyOf, CallOf } from "@/lib/http/client";
import { endpoints, type Endpoint } from "@/lib/http/endpoints";
import { apiAs, send } from "./support";
import { daysAgo, earlierToday, today } from "./clock";
import { caseAt, newPatient, post, type Clients } from "./pathway-support";

let c: Clients;
test.beforeAll(async () => {
  c = {
    reception: await apiAs("reception"),
    surgeon: await apiAs("surgeon"),
    anaesthetist: await apiAs("anaesthetist"),
  };
});

/** Expects a 422 naming the rule, and the case unchanged. */
async function refused<E extends Endpoint>(
  caseId: string,
  endpoint: E,
  data: BodyOf<E>,
  rule: string,
  client = c.surgeon,
) {
  const url = `/api/v1/cases/${caseId}`;
  const before = await (await c.surgeon.get(url)).json();
  // A call's type is not known for an endpoint not known yet: the parameters' types say it.
  const response = await send(client, endpoint, { params: { id: caseId }, body: data } as unknown as CallOf<E>);
  expect(response.status()).toBe(422);
  const problem = await response.json();
  expect(problem).toMatchObject({ status: 422, code: rule });
  expect(typeof problem.rule).toBe("string");
  const after = await (await c.surgeon.get(url)).json();
  expect(after.status).toBe(before.status);
  expect(after.history).toHaveLength(before.history.length);
  expect(JSON.stringify(after.clinical)).toBe(JSON.stringify(before.clinical));
}

test.describe("diagnosis", () => {
  test("a referral records mechanism and symptoms; an unknown mechanism is refused (DX-4)", async () => {
    const patient = await newPatient(c.reception);
    const bad = await c.reception.post("/api/v1/cases", {
      data: { patientId: patient.id, side: "left", mechanism: "fall" },
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).errors).toEqual([
      { path: "mechanism", message: "DX-4: the mechanism is traumatic, microtrauma or unknown" },
    ]);
    const kase = await post(c.reception, endpoints.createCase, {
      body: {
        patientId: patient.id,
        side: "left",
        mechanism: "microtrauma",
        symptoms: { plantarFlexionPain: true, onset: "delayed", triggers: "Pointe work" },
      },
    });
    expect(kase.status).toBe("referred");
    const detail = await (await c.surgeon.get(`/api/v1/cases/${kase.id}`)).json();
    expect(detail.clinical).toMatchObject({
      mechanism: "microtrauma",
      symptoms: { plantarFlexionPain: true, onset: "delayed", triggers: "Pointe work" },
    });
  });

  test("imaging outside the protocol's modalities is refused; supporting MRI diagnoses the case (DX-1, DX-3)", async () => {
    const kase = await caseAt(c, "referred");
    const bad = await c.surgeon.post(`${kase.url}/imaging`, {
      data: { modality: "ultrasound", performedOn: today(), findings: "x", supportsDiagnosis: true },
    });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).errors[0].message).toContain("DX-1");
    expect(
      (
        await post(c.surgeon, endpoints.recordImaging, {
          params: { id: kase.id },
          body: {
            modality: "mri",
            performedOn: today(),
            findings: "Os trigonum",
            supportsDiagnosis: true,
          },
        })
      ).status,
    ).toBe("diagnosed");
  });

  test("a diagnostic injection is refused before imaging, allowed after inconclusive imaging, and relief diagnoses (DX-2)", async () => {
    const kase = await caseAt(c, "referred");
    const injection: BodyOf<typeof endpoints.recordDiagnosticInjection> = {
      performedOn: today(),
      guidance: "ultrasound",
      painRelieved: true,
    };
    await refused(kase.id, endpoints.recordDiagnosticInjection, injection, "DX-2");
    await post(c.surgeon, endpoints.recordImaging, {
      params: { id: kase.id },
      body: {
        modality: "xray_nwb",
        performedOn: daysAgo(3),
        findings: "Nothing conclusive",
        supportsDiagnosis: false,
      },
    });
    expect(
      (await post(c.surgeon, endpoints.recordDiagnosticInjection, { params: { id: kase.id }, body: injection })).status,
    ).toBe("diagnosed");
    await refused(kase.id, endpoints.recordDiagnosticInjection, injection, "DX-2");
  });

  test("first-line treatment is refused before the diagnosis and allowed after it (DX-3)", async () => {
    const kase = await caseAt(c, "referred");
    const course: BodyOf<typeof endpoints.startFirstLineCourse> = {
      startedOn: today(),
      painSeverity: "mild",
      measures: ["analgesics", "cryotherapy"],
    };
    await refused(kase.id, endpoints.startFirstLineCourse, course, "DX-3");
    await post(c.surgeon, endpoints.recordImaging, {
      params: { id: kase.id },
      body: {
        modality: "ct",
        performedOn: daysAgo(1),
        findings: "Bone spur",
        supportsDiagnosis: true,
      },
    });
    expect(
      (await post(c.surgeon, endpoints.startFirstLineCourse, { params: { id: kase.id }, body: course })).status,
    ).toBe("first_line");
  });
});

test.describe("first-line treatment", () => {
  test("a course needs a measure, and the open course must be reviewed before another (FL-1)", async () => {
    const kase = await caseAt(c, "first_line");
    const empty = await c.surgeon.post(`${kase.url}/first-line-courses`, {
      data: { startedOn: today(), painSeverity: "mild", measures: [] },
    });
    expect(empty.status()).toBe(400);
    await refused(
      kase.id,
      endpoints.startFirstLineCourse,
      { startedOn: today(), painSeverity: "mild", measures: ["strapping"] },
      "FL-1",
    );
  });

  test("immobilisation is refused unless the pain is severe (FL-2)", async () => {
    const kase = await caseAt(c, "diagnosed");
    await refused(
      kase.id,
      endpoints.startFirstLineCourse,
      { startedOn: today(), painSeverity: "moderate", measures: ["immobilisation"] },
      "FL-2",
    );
    expect(
      (
        await post(c.surgeon, endpoints.startFirstLineCourse, {
          params: { id: kase.id },
          body: {
            startedOn: today(),
            painSeverity: "severe",
            measures: ["immobilisation"],
          },
        })
      ).status,
    ).toBe("first_line");
  });

  test("a resolved review closes the case, and a course is reviewed only once (FL-3)", async () => {
    const kase = await caseAt(c, "first_line");
    const review = `/first-line-courses/${kase.courseId}/review`;
    expect(
      (
        await post(
          c.surgeon,
          endpoints.reviewFirstLineCourse,
          { params: { id: kase.id, courseId: kase.courseId }, body: { reviewedOn: today(), outcome: "resolved" } },
          200,
        )
      ).status,
    ).toBe("closed_resolved");
    const again = await c.surgeon.post(`${kase.url}${review}`, { data: { reviewedOn: today(), outcome: "failed" } });
    expect((await again.json()).code).toBe("FL-3");
  });
});

test.describe("surgery", () => {
  test("listing is refused before a failed or partly-working course, by any role but a surgeon, and allowed after (SX-1)", async () => {
    const kase = await caseAt(c, "first_line");
    await refused(kase.id, endpoints.listForSurgery, {}, "SX-1");
    await post(
      c.surgeon,
      endpoints.reviewFirstLineCourse,
      { params: { id: kase.id, courseId: kase.courseId }, body: { reviewedOn: today(), outcome: "partly_worked" } },
      200,
    );
    expect((await c.anaesthetist.post(`${kase.url}/surgical-listing`, { data: {} })).status()).toBe(403);
    expect(
      (
        await post(c.surgeon, endpoints.listForSurgery, {
          params: { id: kase.id },
          body: { notes: "Os trigonum excision" },
        })
      ).status,
    ).toBe("listed_for_surgery");
  });

  test("listing records a priority with its due day and starts the admitted clock; only a surgeon changes it, with a reason (WL-1, WL-2)", async () => {
    const kase = await caseAt(c, "failed_course");
    await post(c.surgeon, endpoints.listForSurgery, { params: { id: kase.id }, body: { priority: "P2" } });
    const listed = await (await c.surgeon.get(kase.url)).json();
    expect(listed.clinical.listing).toMatchObject({ priority: "P2", priorityDueOn: addMonthsClamped(today(), 1) });
    expect(listed.clocks.admitted).toMatchObject({
      startedOn: today(),
      daysWaited: 0,
      breachOn: addDays(today(), 126),
    });
    const change = { priority: "P1", reason: "Locking of the ankle" };
    expect((await c.anaesthetist.patch(`${kase.url}/surgical-listing`, { data: change })).status()).toBe(403);
    const noReason = await c.surgeon.patch(`${kase.url}/surgical-listing`, { data: { priority: "P1" } });
    expect(noReason.status()).toBe(400);
    await refused(kase.id, endpoints.changeListingPriority, { priority: "P2", reason: "Same" }, "WL-1");
    const changed = await c.surgeon.patch(`${kase.url}/surgical-listing`, { data: change });
    expect(changed.status()).toBe(200);
    const after = await (await c.surgeon.get(kase.url)).json();
    expect(after.clinical.listing.priorityHistory.map((h: { to: string }) => h.to)).toEqual(["P2", "P1"]);
  });

  test("an operation without an anaesthesia assessment is refused; the assessment allows it (SX-2)", async () => {
    const kase = await caseAt(c, "listed");
    const note: BodyOf<typeof endpoints.recordOperation> = {
      performedAt: earlierToday(),
      anaesthesiaGiven: "general",
      findings: "Spur",
      dischargeAnalgesia: "Paracetamol",
    };
    await refused(kase.id, endpoints.recordOperation, note, "SX-2");
    await post(c.anaesthetist, endpoints.recordAnaesthesiaAssessment, {
      params: { id: kase.id },
      body: {
        assessedOn: today(),
        asaGrade: 1,
        anaesthesiaType: "general",
        homeSupport: true,
      },
    });
    expect((await post(c.surgeon, endpoints.recordOperation, { params: { id: kase.id }, body: note })).status).toBe(
      "operated",
    );
  });

  test("an operation outside the assessment's 90 days is refused; inside them it is recorded (SX-3)", async () => {
    const kase = await caseAt(c, "assessed", { operatedDaysAgo: 0, assessedDaysBeforeOperation: 91 });
    const note: BodyOf<typeof endpoints.recordOperation> = {
      performedAt: earlierToday(),
      anaesthesiaGiven: "locoregional",
      findings: "Spur",
      dischargeAnalgesia: "Paracetamol",
    };
    await refused(kase.id, endpoints.recordOperation, note, "SX-3");
    await post(c.anaesthetist, endpoints.recordAnaesthesiaAssessment, {
      params: { id: kase.id },
      body: {
        assessedOn: today(),
        asaGrade: 1,
        anaesthesiaType: "locoregional",
        homeSupport: false,
      },
    });
    expect((await post(c.surgeon, endpoints.recordOperation, { params: { id: kase.id }, body: note })).status).toBe(
      "operated",
    );
  });

  test("the assessment admits as a day case only with help at home (SX-4)", async () => {
    const withHelp = await caseAt(c, "assessed", { homeSupport: true });
    const alone = await caseAt(c, "assessed", { homeSupport: false });
    const admission = async (url: string) =>
      (await (await c.anaesthetist.get(url)).json()).clinical.assessments[0].admission;
    expect(await admission(withHelp.url)).toBe("day_case");
    expect(await admission(alone.url)).toBe("inpatient");
  });

  test("a change from the assessed anaesthesia needs a reason (SX-5)", async () => {
    const kase = await caseAt(c, "assessed");
    const note: BodyOf<typeof endpoints.recordOperation> = {
      performedAt: earlierToday(),
      anaesthesiaGiven: "spinal",
      findings: "Spur",
      dischargeAnalgesia: "Paracetamol",
    };
    await refused(kase.id, endpoints.recordOperation, note, "SX-5");
    expect(
      (
        await post(c.surgeon, endpoints.recordOperation, {
          params: { id: kase.id },
          body: { ...note, anaesthesiaChangeReason: "Block not possible" },
        })
      ).status,
    ).toBe("operated");
    const detail = await (await c.surgeon.get(kase.url)).json();
    expect(detail.clinical.operation).toMatchObject({
      anaesthesiaGiven: "spinal",
      anaesthesiaChangeReason: "Block not possible",
    });
  });

  test("the operation note generates the post-operative plan with it (SX-6)", async () => {
    const kase = await caseAt(c, "assessed");
    expect((await c.surgeon.get(`${kase.url}/care-plan`)).status()).toBe(404);
    await post(c.surgeon, endpoints.recordOperation, {
      params: { id: kase.id },
      body: {
        performedAt: `${daysAgo(1)}T09:30:00Z`,
        anaesthesiaGiven: "locoregional",
        findings: "Spur",
        dischargeAnalgesia: "Paracetamol",
      },
    });
    const plan = await (await c.surgeon.get(`${kase.url}/care-plan`)).json();
    expect(plan).toMatchObject({ operationDate: daysAgo(1), timeZone: "Europe/London" });
  });
});

test.describe("the post-operative plan", () => {
  test("plans dressings every other day from D2 to D14 (PO-3)", async () => {
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 2 });
    const plan = await (await c.surgeon.get(`${kase.url}/care-plan`)).json();
    expect(plan.dressings.map((d: { day: number }) => d.day)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(plan.dressings[0].dueOn).toBe(today());
  });

  test("plans physiotherapy from D1, the first by D7, then weekly (PO-4)", async () => {
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 2 });
    const plan = await (await c.surgeon.get(`${kase.url}/care-plan`)).json();
    const d0 = plan.operationDate;
    expect(plan.physio[0]).toMatchObject({ number: 1, earliestOn: addDays(d0, 1), dueBy: addDays(d0, 7) });
    expect(plan.physio[1].dueBy).toBe(addDays(d0, 14));
  });

  test("holds no immobilisation and says no cast or splint; gives activities as guidance (PO-2, PO-5)", async () => {
    const kase = await caseAt(c, "operated");
    const plan = await (await c.surgeon.get(`${kase.url}/care-plan`)).json();
    expect(plan.instructions).toContain("No cast or splint is needed after this operation.");
    expect(plan.instructions).toContain("Day-to-day activities come back gradually, over a few days to a few weeks.");
    expect(JSON.stringify(plan)).not.toMatch(/immobilis/i);
  });

  test("crutch weaning is refused before D10 and recorded from D10 (PO-1)", async () => {
    const early = await caseAt(c, "operated", { operatedDaysAgo: 2 });
    await refused(early.id, endpoints.recordCrutchWeaning, { recordedOn: today() }, "PO-1");
    const later = await caseAt(c, "operated", { operatedDaysAgo: 12 });
    await post(c.surgeon, endpoints.recordCrutchWeaning, { params: { id: later.id }, body: { recordedOn: today() } });
    const plan = await (await c.surgeon.get(`${later.url}/care-plan`)).json();
    expect(plan.crutchWeaningReview.weanedOn).toBe(today());
  });

  test("running is refused at D30 and cleared from D0 + 2 months; cycling from D21 (PO-6)", async () => {
    const d30 = await caseAt(c, "operated", { operatedDaysAgo: 30 });
    await refused(d30.id, endpoints.recordClearance, { activity: "running", clearedOn: today() }, "PO-6");
    await post(c.surgeon, endpoints.recordClearance, {
      params: { id: d30.id },
      body: { activity: "cycling", clearedOn: today() },
    });
    const d70 = await caseAt(c, "operated", { operatedDaysAgo: 70 });
    const plan = await (await c.surgeon.get(`${d70.url}/care-plan`)).json();
    expect(plan.milestones.find((m: { activity: string }) => m.activity === "running").earliestOn).toBe(
      addMonthsClamped(plan.operationDate, 2),
    );
    await post(c.surgeon, endpoints.recordClearance, {
      params: { id: d70.id },
      body: { activity: "running", clearedOn: today() },
    });
  });
});

test.describe("the record itself", () => {
  test("an event dated in the future is refused (PW-1)", async () => {
    const kase = await caseAt(c, "referred");
    await refused(
      kase.id,
      endpoints.recordImaging,
      { modality: "mri", performedOn: addDays(today(), 1), findings: "x", supportsDiagnosis: true },
      "PW-1",
    );
    const patient = await newPatient(c.reception);
    const referral = await c.reception.post("/api/v1/cases", {
      data: { patientId: patient.id, side: "left", mechanism: "unknown", referredOn: addDays(today(), 1) },
    });
    expect(referral.status()).toBe(422);
    expect((await referral.json()).code).toBe("PW-1");
    expect((await (await c.reception.get(`/api/v1/cases?patientId=${patient.id}`)).json()).items).toEqual([]);
  });

  test("an event dated before the step it follows is refused (PW-2)", async () => {
    const kase = await caseAt(c, "diagnosed", { operatedDaysAgo: 0 });
    await refused(
      kase.id,
      endpoints.startFirstLineCourse,
      { startedOn: daysAgo(400), painSeverity: "mild", measures: ["analgesics"] },
      "PW-2",
    );
  });

  test("a step the case's state does not allow is refused (PW-3)", async () => {
    const kase = await caseAt(c, "operated");
    await refused(
      kase.id,
      endpoints.recordImaging,
      { modality: "mri", performedOn: today(), findings: "x", supportsDiagnosis: true },
      "PW-3",
    );
  });

  test("reception reads the case's summary without the clinical record; admin reads no case", async () => {
    const kase = await caseAt(c, "diagnosed");
    const summary = await (await c.reception.get(kase.url)).json();
    expect(summary.clinical).toBeNull();
    expect(summary.status).toBe("diagnosed");
    const admin = await apiAs("admin");
    expect((await admin.get(kase.url)).status()).toBe(403);
  });
});

test.describe("closing a case", () => {
  test("a case is cancelled before its operation with its reason, never after (PW-3)", async () => {
    const listed = await caseAt(c, "listed");
    expect(
      (
        await post(
          c.surgeon,
          endpoints.cancelCase,
          { params: { id: listed.id }, body: { reason: "Patient declined surgery" } },
          200,
        )
      ).status,
    ).toBe("cancelled");
    const detail = await (await c.surgeon.get(listed.url)).json();
    expect(detail.history.at(-1)).toMatchObject({
      from: "listed_for_surgery",
      to: "cancelled",
      reason: "Cancelled: Patient declined surgery",
    });
    const operated = await caseAt(c, "operated");
    await refused(operated.id, endpoints.cancelCase, { reason: "Too late" }, "PW-3");
  });

  test("the first post-operative record starts the recovery; an operated case is discharged, not before its operation (PO-1, PW-2)", async () => {
    const kase = await caseAt(c, "operated", { operatedDaysAgo: 12 });
    expect(
      (await post(c.surgeon, endpoints.recordCrutchWeaning, { params: { id: kase.id }, body: { recordedOn: today() } }))
        .status,
    ).toBe("recovery");
    await refused(kase.id, endpoints.dischargeCase, { dischargedOn: daysAgo(13) }, "PW-2");
    expect(
      (
        await post(
          c.surgeon,
          endpoints.dischargeCase,
          { params: { id: kase.id }, body: { dischargedOn: today() } },
          200,
        )
      ).status,
    ).toBe("discharged");
  });
});
