// Messages in demo mode: `npm start` runs the worker, and the mail server inside the start script
// keeps every message it receives as an `.eml` file in the data folder's mailbox. The tests read
// those files as a mail client would (mailparser): the recipient and the subject.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { formatDateTime } from "@/lib/domain/date-format";
import { endpoints } from "@/lib/http/endpoints";
import type { Patient } from "@/lib/schemas/patient";
import { queueEmail } from "./arrange";
import { mailbox, subjectsTo } from "./mailbox";
import { siteAt, siteZone, today, weekdayAfter } from "./clock";
import { post } from "./pathway-support";
import { apiAs, send } from "./support";

let reception: APIRequestContext;
test.beforeAll(async () => {
  reception = await apiAs("reception");
});

/** A demo patient who consents to email and has no case yet (a new case is theirs alone). */
async function demoPatientWithEmailConsent(): Promise<Patient> {
  const found = await (await send(reception, endpoints.searchPatients, { query: { limit: 100 } })).json();
  const candidates = (found.items as Patient[]).filter((p) => p.contact.email && p.email?.endsWith("@example.org"));
  for (const patient of candidates.reverse()) {
    const cases = await (await send(reception, endpoints.listCases, { query: { patientId: patient.id } })).json();
    if (cases.items.length === 0) return patient;
  }
  throw new Error("No demo patient with email consent and no case");
}

test.describe("messages in demo mode", () => {
  test("booking an appointment for a demo patient with an email sends a confirmation the in-process SMTP server receives", async () => {
    const patient = await demoPatientWithEmailConsent();
    const kase = await post(reception, endpoints.createCase, {
      body: { patientId: patient.id, side: "left", mechanism: "microtrauma" },
    });
    // Weeks ahead, at a time no other journey books; the next free quarter hour if it is taken.
    const day = weekdayAfter(today(), 37);
    let booked: { start: string } | null = null;
    for (let minutes = 0; !booked && minutes < 120; minutes += 15) {
      const response = await send(reception, endpoints.bookAppointment, {
        body: { caseId: kase.id, kind: "consultation", start: siteAt(day, 15, minutes) },
      });
      if (response.status() === 201) booked = await response.json();
      else expect(response.status(), await response.text()).toBe(409);
    }
    expect(booked).not.toBeNull();
    // The appointment on the site's wall clock, written as the product writes every time for people.
    const when = formatDateTime(booked!.start, siteZone);
    await expect
      .poll(() => subjectsTo(patient.email!), { timeout: 60_000 })
      .toContainEqual(expect.stringMatching(new RegExp(`^Your .+ on ${when.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)));
  });

  test("a message queued in the outbox is sent by the worker npm start runs and lands in the demo mailbox as an .eml file", async () => {
    const patient = await demoPatientWithEmailConsent();
    const subject = `Worker check ${Date.now()}`;
    await queueEmail(patient.id, { to: patient.email!, subject, body: "Sent by the e2e worker check." });
    await expect.poll(() => subjectsTo(patient.email!), { timeout: 60_000 }).toContain(subject);
    const [mail] = (await mailbox()).filter((m) => m.subject === subject);
    expect(mail!.text).toContain("Sent by the e2e worker check.");
    expect(mail!.from?.text).toContain("Ankle clinic");
  });
});
