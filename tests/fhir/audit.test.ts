// Every read of patient data through FHIR is audited, and refused to the roles /api/v1 refuses it
// to: for each served type that holds patient data, a read by id and a search by the patient,
// called as every role, must write an audit row naming the reader and the patient when the
// role's policy allows the type's action, and answer 403 writing nothing when it does not.
import { signInAs } from "../setup/routes";
import { fhirGet } from "../setup/fhir";
import { beforeAll, describe, expect, it } from "vitest";
import { isAllowed, roles, type Role } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/actor";
import { fhirResourceTypes } from "@/lib/http/fhir/resources";
import { bookAppointment } from "@/lib/services/appointments";
import { recordPainScore } from "@/lib/services/pain-scores";
import { testDatabase } from "../setup/db";
import { dayFromToday, siteAt } from "../setup/clock";
import { caseAt, createClinic } from "../setup/pathway";

const prisma = testDatabase();
let staff: Record<Role, Actor>;
/** Per type holding patient data: the id of the fixture's record, and a search that finds it by the patient. */
let probes: Record<string, { id: string; search: string }>;
let patientId: string;

/** The types whose resources are not about a patient (staff and rooms): not patient data. */
const directory = new Set(["Practitioner", "PractitionerRole", "Location"]);

beforeAll(async () => {
  const clinic = await createClinic(prisma);
  staff = clinic.staff;
  const team = clinic.team;
  // Operated two days ago: a dressing is due today (D2), booked on the nurse's round.
  const operated = await caseAt(team, "operated", { operatedDaysAgo: 2 });
  patientId = operated.patientId;
  const appointment = await bookAppointment(
    team.nurse,
    { caseId: operated.caseId, kind: "dressing", start: siteAt(0, 9).toISOString(), homeVisit: true },
    siteAt(0, 0),
  );
  const score = await recordPainScore(team.nurse, operated.caseId, {
    timepoint: "pre_op",
    recordedOn: dayFromToday(-2),
    score: 6,
  });
  const operation = await prisma.operation.findUniqueOrThrow({ where: { caseId: operated.caseId } });
  const patient = await prisma.patient.findUniqueOrThrow({ where: { id: patientId } });
  const subject = `Patient/${patientId}`;
  probes = {
    Patient: { id: patientId, search: `Patient?identifier=${patient.mrn}` },
    Condition: { id: operated.caseId, search: `Condition?subject=${subject}` },
    Appointment: { id: appointment.id, search: `Appointment?patient=${subject}` },
    Procedure: { id: operation.id, search: `Procedure?subject=${subject}` },
    CarePlan: { id: operated.caseId, search: `CarePlan?subject=${subject}` },
    Observation: { id: score.id, search: `Observation?subject=${subject}` },
  };
});

async function rowsDuring(actor: Actor, run: () => Promise<unknown>) {
  const before = (await prisma.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
  await run();
  return prisma.auditEvent.findMany({ where: { id: { gt: before }, actorId: actor.id } });
}

describe("FHIR reads of patient data", () => {
  it("cover every served type that holds patient data", () => {
    const patientTypes = fhirResourceTypes.map((t) => t.type).filter((t) => !directory.has(t));
    expect(Object.keys(probes).sort()).toEqual(patientTypes.sort());
  });

  for (const interaction of ["read", "search"] as const)
    it(`are audited naming the reader and the patient on a ${interaction}, and refused (403, nothing read) to roles the policy denies`, async () => {
      for (const type of fhirResourceTypes.filter((t) => !directory.has(t.type))) {
        const probe = probes[type.type]!;
        const relative = interaction === "read" ? `${type.type}/${probe.id}` : probe.search;
        for (const role of roles) {
          const actor = staff[role];
          await signInAs(prisma, actor);
          let status = 0;
          const rows = await rowsDuring(actor, async () => {
            const answer = await fhirGet(relative);
            status = answer.status;
            if (answer.status === 200 && interaction === "search")
              expect((answer.body as { entry?: unknown[] }).entry?.length ?? 0, `${role} ${relative}`).toBeGreaterThan(
                0,
              );
          });
          if (isAllowed(role, type.action)) {
            expect(status, `${role} ${relative}`).toBe(200);
            expect(
              rows.some((r) => r.patientId === patientId || r.patientIds.includes(patientId)),
              `${role} ${relative} audited`,
            ).toBe(true);
          } else {
            expect(status, `${role} ${relative}`).toBe(403);
            expect(rows, `${role} ${relative} reads nothing`).toEqual([]);
          }
        }
      }
    });
});
