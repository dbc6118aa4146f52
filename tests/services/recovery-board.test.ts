import { beforeAll, describe, expect, it } from "vitest";
import { recordClearance } from "@/lib/services/case-commands";
import { getCase } from "@/lib/services/cases";
import { recordDressingVisit } from "@/lib/services/recovery";
import { acknowledgeAlerts, recoveryBoard } from "@/lib/services/recovery-board";
import { testDatabase } from "../setup/db";
import { minutesFromNow, now, siteAt, today } from "../setup/clock";
import { caseAt, createTeam, type Team } from "../setup/pathway";
import { call, signInAs } from "../setup/routes";

const prisma = testDatabase();
let team: Team;

beforeAll(async () => {
  team = await createTeam(prisma);
});

const rowOf = async (caseId: string) => (await recoveryBoard(team.surgeon)).items.filter((i) => i.caseId === caseId);

/**
 * Operated `days` ago with no dressing recorded after D2, whose dressing was recorded with signs
 * of infection: one infection and a missed dressing for every visit due from D4 until yesterday.
 */
async function infectedAndMissed(days: number) {
  const kase = await caseAt(team, "operated", { operatedDaysAgo: days });
  const d2 = await prisma.dressingVisit.findFirstOrThrow({ where: { caseId: kase.caseId }, orderBy: { dueOn: "asc" } });
  await recordDressingVisit(team.nurse, d2.id, { woundState: "signs_of_infection" }, siteAt(2 - days, 23));
  return kase;
}

describe("the recovery board, one row per case", () => {
  it("shows a patient with many missed dressings as one row with all its alerts, infection first (PO-3)", async () => {
    const { caseId } = await infectedAndMissed(16);
    const rows = await rowOf(caseId);
    expect(rows).toHaveLength(1);
    const kinds = rows[0]!.alerts.map((a) => a.kind);
    // D4 to D14 missed (six visits), D16 due today; then PO-1 (D16 > D15) and PO-4 (no physio).
    expect(kinds).toEqual(["infection", ...Array(6).fill("missed_dressing"), "crutches", "physio"]);
  });

  it("lists the cases with signs of infection before the others", async () => {
    await caseAt(team, "operated", { operatedDaysAgo: 3 });
    await infectedAndMissed(5);
    const { items } = await recoveryBoard(team.surgeon);
    const infected = items.map((i) => i.alerts.some((a) => a.kind === "infection"));
    expect(infected.indexOf(false)).toBeGreaterThan(0);
    expect(infected.lastIndexOf(true)).toBeLessThan(infected.indexOf(false));
  });

  it("does not show a patient cleared for running as still on crutches (PO-1, PO-6)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 70 });
    expect((await rowOf(caseId))[0]!.alerts.map((a) => a.kind)).toContain("crutches");
    await recordClearance(team.physio, caseId, { activity: "running", clearedOn: today() });
    const [row] = await rowOf(caseId);
    expect(row!.alerts.map((a) => a.kind)).not.toContain("crutches");
    expect(row!.milestones).toEqual({ offCrutches: today(), cleared: ["running"] });
  });
});

describe("acknowledging a case's alerts", () => {
  it("acknowledges the alerts chosen with one note, leaves the others open, and keeps who, when, the note and which alerts", async () => {
    const { caseId, patientId } = await infectedAndMissed(8);
    const [row] = await rowOf(caseId);
    const [infection, firstMissed, ...rest] = row!.alerts;
    const at = now();
    const acknowledged = await acknowledgeAlerts(
      team.surgeon,
      caseId,
      { keys: [infection!.key, firstMissed!.key], note: "Antibiotics started; nurse to visit today" },
      at,
    );
    expect(acknowledged).toMatchObject({
      caseId,
      note: "Antibiotics started; nurse to visit today",
      at: at.toISOString(),
      alerts: [
        { key: infection!.key, kind: "infection", message: infection!.message },
        { key: firstMissed!.key, kind: "missed_dressing", message: firstMissed!.message },
      ],
    });
    expect((await rowOf(caseId))[0]!.alerts.map((a) => a.key)).toEqual(rest.map((a) => a.key));
    expect(
      await prisma.auditEvent.count({ where: { patientId, action: "alert.acknowledge", actorId: team.surgeon.id } }),
    ).toBe(1);

    const later = minutesFromNow(1);
    await acknowledgeAlerts(team.surgeon, caseId, { keys: rest.map((a) => a.key), note: "Physio booked" }, later);
    expect((await rowOf(caseId))[0]!.alerts).toEqual([]);
    const history = (await getCase(team.surgeon, caseId)).clinical!.acknowledgements;
    expect(history.map((h) => [h.note, h.alerts.length])).toEqual([
      ["Antibiotics started; nurse to visit today", 2],
      ["Physio booked", rest.length],
    ]);
    expect(history[0]).toMatchObject({ by: expect.any(String), at: at.toISOString() });
    expect((await getCase(team.reception, caseId)).clinical).toBeNull();
  });

  it("writes nothing when one of the alerts chosen is not the case's: all or nothing", async () => {
    const { caseId, patientId } = await infectedAndMissed(6);
    const keys = (await rowOf(caseId))[0]!.alerts.map((a) => a.key);
    await expect(
      acknowledgeAlerts(team.surgeon, caseId, { keys: [keys[0]!, "crutches"], note: "Seen" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", extra: { errors: [{ path: "keys.1" }] } });
    expect(await prisma.alertAcknowledgement.count({ where: { caseId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { patientId, action: "alert.acknowledge" } })).toBe(0);
    expect((await rowOf(caseId))[0]!.alerts.map((a) => a.key)).toEqual(keys);
  });

  it("keeps an acknowledged missed dressing off the board the next day too (PO-3)", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 3 });
    const [missed] = (await rowOf(caseId))[0]!.alerts;
    expect(missed!.kind).toBe("missed_dressing");
    await acknowledgeAlerts(team.surgeon, caseId, { keys: [missed!.key], note: "Patient away" });
    const tomorrow = (await recoveryBoard(team.surgeon, siteAt(1, 12))).items.find((i) => i.caseId === caseId)!;
    expect(tomorrow.alerts.map((a) => a.key)).not.toContain(missed!.key);
  });

  it("acknowledges once through the API when the same request is sent twice with one Idempotency-Key", async () => {
    const { caseId } = await caseAt(team, "operated", { operatedDaysAgo: 5 });
    const keys = (await rowOf(caseId))[0]!.alerts.map((a) => a.key);
    await signInAs(prisma, team.surgeon);
    const send = () =>
      call("post", "/api/v1/cases/{id}/alert-acknowledgements", {
        params: { id: caseId },
        body: JSON.stringify({ keys, note: "Seen twice" }),
        headers: { "content-type": "application/json", "idempotency-key": `ack-${caseId}` },
      });
    const first = await send();
    const again = await send();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await prisma.alertAcknowledgement.count({ where: { caseId } })).toBe(1);
  });
});
