// Demo data: one site in Europe/London with its rooms, staff and 60 patients (most of whom consent
// to email, given last: see giveContactConsent). Loaded only into an empty database, by
// `npm start` in demo mode and by the end-to-end tests.
import { noticeBooked } from "@/lib/services/messages/appointment-notices";
import { setDb, type Db } from "@/lib/db/client";
import { addDays, dayOf, instantAt, weekdayAfter, type Day } from "@/lib/domain/time";
import { cancelCase, reviewFirstLineCourse } from "@/lib/services/case-commands";
import { bookAppointment } from "@/lib/services/appointments";
import type { Actor } from "@/lib/auth/actor";
import { demoZone, walkCase, type Stage, type Team, type WalkOptions } from "./demo-cases";
import { waitingListCases } from "./demo-waiting-list";
import { operatedCases } from "./demo-operated";
import { painScores } from "./demo-outcomes";
import { cleared, dischargedToday, offCrutches, recoverySoFar, series, todaysDressing } from "./demo-recovery";
import { hashPassword } from "@/lib/auth/passwords";
import type { Role } from "@/lib/auth/policy";

export const demoPassword = "demo-password";

const rooms = [
  { name: "Theatre 1", kind: "theatre" },
  { name: "Theatre 2", kind: "theatre" },
  { name: "Consulting room 1", kind: "consulting" },
  { name: "Consulting room 2", kind: "consulting" },
  { name: "Consulting room 3", kind: "consulting" },
  { name: "Imaging suite", kind: "imaging" },
  { name: "Physio gym 1", kind: "physio" },
  { name: "Physio gym 2", kind: "physio" },
  { name: "Dressing room 1", kind: "dressing" },
  { name: "Dressing room 2", kind: "dressing" },
] as const;

const staff: { email: string; name: string; role: Role }[] = [
  { email: "surgeon@demo.clinic", name: "Mr Alan Hart", role: "surgeon" },
  { email: "surgeon2@demo.clinic", name: "Ms Priya Nair", role: "surgeon" },
  { email: "anaesthetist@demo.clinic", name: "Dr Ruth Okafor", role: "anaesthetist" },
  { email: "anaesthetist2@demo.clinic", name: "Dr Tomás Ruiz", role: "anaesthetist" },
  { email: "nurse@demo.clinic", name: "Nurse Grace Bell", role: "nurse" },
  { email: "nurse2@demo.clinic", name: "Nurse Owen Price", role: "nurse" },
  { email: "nurse3@demo.clinic", name: "Nurse Amara Diallo", role: "nurse" },
  { email: "physio@demo.clinic", name: "Sam Whitfield", role: "physio" },
  { email: "physio2@demo.clinic", name: "Léa Fontaine", role: "physio" },
  { email: "reception@demo.clinic", name: "Jo Marsh", role: "reception" },
  { email: "reception2@demo.clinic", name: "Ravi Shah", role: "reception" },
  { email: "admin@demo.clinic", name: "Kim Adeyemi", role: "admin" },
];

const givenNames = [
  "Zoë",
  "José",
  "Siobhán",
  "Björn",
  "Amélie",
  "Oliver",
  "Aisha",
  "Liam",
  "Chloé",
  "Mateusz",
  "Grace",
  "Noah",
  "Inés",
  "Kwame",
  "Freya",
  "Dmitri",
  "Saoirse",
  "Ethan",
  "Renée",
  "Yusuf",
];
const familyNames = [
  "Lambert",
  "García",
  "O'Brien",
  "Løvland",
  "Dubois",
  "Smith",
  "Khan",
  "Murphy",
  "Lefèvre",
  "Nowak",
  "Taylor",
  "Jones",
  "Muñoz",
  "Mensah",
  "Hughes",
  "Ivanov",
  "Kelly",
  "Brown",
  "Côté",
  "Yilmaz",
];

const at = (hours: number) => new Date(Date.UTC(1970, 0, 1, hours, 0, 0));

export async function isEmpty(prisma: Db): Promise<boolean> {
  return (await prisma.site.count()) === 0 && (await prisma.staff.count()) === 0;
}

export type SeedTeam = Team & { surgeon2: Actor; nurse: Actor; physio: Actor; prisma: Db };
/** The seed's clock: the instant it runs at and that instant's day at the site. */
export type Clock = { now: Date; today: Day };
export type Then = (team: SeedTeam, caseId: string, courseId: string, clock: Clock) => Promise<unknown>;
const resolved: Then = ({ surgeon }, caseId, courseId, { now, today }) =>
  reviewFirstLineCourse(surgeon, caseId, courseId, { reviewedOn: addDays(today, -5), outcome: "resolved" }, now);
const declined: Then = ({ surgeon }, caseId, _course, { now }) =>
  cancelCase(surgeon, caseId, { reason: "The patient chose to keep to first-line treatment." }, now);
const booking =
  (
    kind: "consultation" | "anaesthesia_assessment" | "arthroscopy",
    nthWeekday: number,
    hour: number,
    minute = 0,
  ): Then =>
  ({ reception }, caseId, _course, { now, today }) =>
    bookAppointment(
      reception,
      { caseId, kind, start: instantAt(weekdayAfter(today, nthWeekday), hour, minute, demoZone).toISOString() },
      now,
    );
// Cases in every state of the pathway, for the first patients, then the rest of the waiting list;
// the other patients have none yet. `by`: listed by the second surgeon.
export type DemoCase = { stage: Stage; options?: Omit<WalkOptions, "now">; then?: Then[]; by?: "surgeon2" };
const demoCases: DemoCase[] = [
  { stage: "referred", then: [booking("consultation", 1, 9)] },
  { stage: "referred", options: { mechanism: "traumatic", side: "right" }, then: [booking("consultation", 1, 9, 30)] },
  { stage: "diagnosed" },
  { stage: "diagnosed", options: { side: "right" } },
  { stage: "first_line", options: { operatedDaysAgo: -80 } },
  { stage: "first_line", options: { operatedDaysAgo: -100, mechanism: "traumatic" } },
  { stage: "failed_course", options: { operatedDaysAgo: -90 } },
  {
    stage: "listed",
    options: { operatedDaysAgo: -80, priority: "P3" },
    then: [booking("anaesthesia_assessment", 2, 10)],
  },
  { stage: "listed", options: { operatedDaysAgo: -90, side: "right", priority: "P2" } },
  { stage: "assessed", options: { operatedDaysAgo: -20, priority: "P3" }, then: [booking("arthroscopy", 3, 8)] },
  { stage: "assessed", options: { operatedDaysAgo: -25, homeSupport: false, priority: "P4" } },
  { stage: "first_line", options: { operatedDaysAgo: -60 }, then: [resolved] },
  { stage: "listed", options: { operatedDaysAgo: -85 }, then: [declined] },
  { stage: "operated", options: { operatedDaysAgo: 2 }, then: [series, todaysDressing(9), painScores(100)] },
  // D12: a dressing missed on day 10, physiotherapy not started.
  {
    stage: "operated",
    options: { operatedDaysAgo: 12 },
    then: [recoverySoFar({ hour: 8, missDay: 10, physio: false }), todaysDressing(10), painScores(101)],
  },
  // D16: signs of infection on day 14, still on crutches.
  {
    stage: "operated",
    options: { operatedDaysAgo: 16, side: "right" },
    then: [recoverySoFar({ hour: 9, infectionDay: 14, physio: true }), todaysDressing(11), painScores(102)],
  },
  {
    stage: "operated",
    options: { operatedDaysAgo: 25 },
    then: [recoverySoFar({ hour: 10, healedDay: 14, physio: true }), offCrutches(13), painScores(103)],
  },
  {
    stage: "operated",
    options: { operatedDaysAgo: 30, mechanism: "traumatic" },
    then: [
      recoverySoFar({ hour: 11, healedDay: 12, physio: true }),
      offCrutches(18),
      cleared(["cycling"]),
      painScores(104),
    ],
  },
  {
    stage: "operated",
    options: { operatedDaysAgo: 70 },
    then: [
      recoverySoFar({ hour: 12, healedDay: 14, physio: true }),
      offCrutches(58),
      cleared(["cycling", "swimming", "running"]),
      painScores(105),
    ],
  },
  {
    stage: "operated",
    options: { operatedDaysAgo: 95 },
    then: [
      recoverySoFar({ hour: 13, healedDay: 14, physio: true }),
      offCrutches(83),
      cleared(["cycling", "swimming", "running"]),
      painScores(106),
      dischargedToday,
    ],
  },
  ...waitingListCases,
  ...operatedCases,
];

/** Loads the demo site into an empty database, its history counted back from `now` (site zone Europe/London). */
export async function seedDemoData(prisma: Db, now: Date): Promise<void> {
  const passwordHash = await hashPassword(demoPassword);
  await prisma.$transaction(async (tx) => {
    const site = await tx.site.create({
      // 020 7946 0xxx is the range Ofcom keeps for drama: it rings nobody.
      data: { name: "Riverside Orthopaedic Clinic", timeZone: demoZone, policies: { clinicPhone: "020 7946 0321" } },
    });
    for (const room of rooms) {
      // Open weekdays 08:00-18:00; the dressing rooms every day, as dressings fall every other day.
      const days = room.kind === "dressing" ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5];
      await tx.room.create({
        data: {
          ...room,
          siteId: site.id,
          hours: { create: days.map((weekday) => ({ weekday, startsAt: at(8), endsAt: at(18) })) },
        },
      });
    }
    for (const member of staff) {
      // Weekdays 08:00-18:00 site time; nurses also at weekends, as dressings fall every other day.
      const weekdays = member.role === "nurse" ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5];
      await tx.staff.create({
        data: {
          ...member,
          siteId: site.id,
          passwordHash,
          workingHours: { create: weekdays.map((weekday) => ({ weekday, startsAt: at(8), endsAt: at(18) })) },
        },
      });
    }
    await tx.patient.createMany({
      data: Array.from({ length: 60 }, (_, i) => {
        const givenName = givenNames[i % givenNames.length]!;
        // Shifted on the second round so that no two demo patients share a name.
        const familyName = familyNames[(i * 7 + Math.floor(i / givenNames.length)) % familyNames.length]!;
        const year = 1950 + ((i * 13) % 55);
        const month = 1 + ((i * 5) % 12);
        const day = 1 + ((i * 11) % 28);
        return {
          givenName,
          familyName,
          birthDate: new Date(Date.UTC(year, month - 1, day)),
          sex: i % 3 === 0 ? "male" : i % 3 === 1 ? "female" : i % 7 === 0 ? "other" : "female",
          phone: `07700 900${String(100 + i).padStart(3, "0")}`,
          email: `${givenName
            .normalize("NFD")
            .replace(/[^a-zA-Z]/g, "")
            .toLowerCase()}.${i}@example.org`,
        } as const;
      }),
    });
  });

  // The cases go through the real commands, as the demo team, so they obey every rule.
  setDb(prisma);
  const byEmail = async (email: string) => {
    const staff = await prisma.staff.findUniqueOrThrow({ where: { email } });
    return { id: staff.id, name: staff.name, role: staff.role };
  };
  const team: SeedTeam = {
    reception: await byEmail("reception@demo.clinic"),
    surgeon: await byEmail("surgeon@demo.clinic"),
    surgeon2: await byEmail("surgeon2@demo.clinic"),
    anaesthetist: await byEmail("anaesthetist@demo.clinic"),
    nurse: await byEmail("nurse@demo.clinic"),
    physio: await byEmail("physio@demo.clinic"),
    prisma,
  };
  const patients = await prisma.patient.findMany({
    orderBy: { mrn: "asc" },
    take: demoCases.length,
    select: { id: true },
  });
  const clock = { now, today: dayOf(now, demoZone) };
  for (const [i, demo] of demoCases.entries()) {
    const walker = demo.by === "surgeon2" ? { ...team, surgeon: team.surgeon2 } : team;
    const { caseId, courseId } = await walkCase(walker, patients[i]!.id, demo.stage, { now, ...demo.options });
    for (const step of demo.then ?? []) await step(team, caseId, courseId, clock);
  }
  await giveContactConsent(prisma);
  await remindUpcoming(prisma, now);
}

/**
 * The reminders of the demo's appointments still to come, queued as their bookings would have
 * queued them had the patients consented then (no confirmation: those were booked "earlier").
 */
async function remindUpcoming(prisma: Db, now: Date): Promise<void> {
  const upcoming = await prisma.appointment.findMany({
    where: { status: "booked", startsAt: { gt: now } },
    select: { id: true },
    orderBy: { startsAt: "asc" },
  });
  for (const { id } of upcoming) await prisma.$transaction((tx) => noticeBooked(tx, id, now, { confirmation: false }));
}

/**
 * The demo patients' contact preferences, given last: the history above was "booked" before any
 * patient consented, so it queues no message (whether or not booking queues notices), and
 * `npm start` does not send a flood of past-due notices. From here on, a booking for a demo
 * patient sends its confirmation (and reminders) like any other. Most patients consent to
 * email (every tenth does not, to show a patient the clinic may not write to), every third to
 * text messages too; all have an example.org address and a drama-range mobile number.
 */
async function giveContactConsent(prisma: Db): Promise<void> {
  const all = await prisma.patient.findMany({ orderBy: { mrn: "asc" }, select: { id: true } });
  const ids = (keep: (i: number) => boolean) => all.filter((_, i) => keep(i)).map((p) => p.id);
  await prisma.patient.updateMany({ where: { id: { in: ids((i) => i % 10 !== 9) } }, data: { contactByEmail: true } });
  await prisma.patient.updateMany({ where: { id: { in: ids((i) => i % 3 === 0) } }, data: { contactBySms: true } });
}
