import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { registerPatient } from "@/lib/services/patients";
import { walkCase, type Stage } from "@/prisma/demo-cases";
import { now } from "./clock";
import { createActor } from "./db";
import { createRooms, giveHours } from "./scheduling";

export type Team = { reception: Actor; surgeon: Actor; anaesthetist: Actor; physio: Actor; nurse: Actor };

/** Staff of every clinical role on one site (Europe/London). */
export async function createTeam(prisma: Db): Promise<Team> {
  const reception = await createActor(prisma, "reception");
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: reception.id } });
  const member = async (role: "surgeon" | "anaesthetist" | "physio" | "nurse") => {
    const actor = await createActor(prisma, role);
    await prisma.staff.update({ where: { id: actor.id }, data: { siteId } });
    return actor;
  };
  return {
    reception,
    surgeon: await member("surgeon"),
    anaesthetist: await member("anaesthetist"),
    physio: await member("physio"),
    nurse: await member("nurse"),
  };
}

/**
 * A team and an administrator on one site, the clinicians working every day 07:00-20:00, with a
 * dressing room and a physiotherapy room: every role, ready for the post-operative follow-up.
 */
export async function createClinic(prisma: Db): Promise<{ team: Team; staff: Team & { admin: Actor } }> {
  const team = await createTeam(prisma);
  const admin = await createActor(prisma, "admin");
  const { siteId } = await prisma.staff.findUniqueOrThrow({ where: { id: team.reception.id } });
  await prisma.staff.update({ where: { id: admin.id }, data: { siteId } });
  await giveHours(prisma, team.surgeon, team.anaesthetist, team.nurse, team.physio);
  await createRooms(prisma, team.reception, "dressing");
  await createRooms(prisma, team.reception, "physio");
  return { team, staff: { ...team, admin } };
}

/** A new patient's case walked through the pathway up to `stage`. */
export async function caseAt(team: Team, stage: Stage, options: { operatedDaysAgo?: number } = {}) {
  const patient = await registerPatient(team.reception, {
    givenName: "Case",
    familyName: `Pathway${Math.random().toString(36).slice(2, 8)}`,
    birthDate: "1980-01-01",
    sex: "female",
    phone: null,
    email: null,
  });
  const walked = await walkCase(team, patient.id, stage, { now: now(), operatedDaysAgo: options.operatedDaysAgo });
  return { ...walked, patientId: patient.id };
}
