// Run by ./arrange.ts through tsx (Playwright's loader cannot load the generated database
// client): a link to a demo patient's own page, made as the demo receptionist, for a patient who
// consents to email and has a booked appointment still to come with no open request to move it.
// Arguments: the database URL and the clock (ISO 8601). Prints JSON {token, appointmentId,
// patientName, patientEmail}.
import { createDb, setDb } from "@/lib/db/client";
import { newPortalToken } from "@/lib/services/portal/access";

async function main() {
  const [url, clock] = process.argv.slice(2);
  const now = new Date(clock!);
  const prisma = setDb(createDb(url!, { connections: 1 }));
  try {
    const staff = await prisma.staff.findUniqueOrThrow({ where: { email: "reception@demo.clinic" } });
    const appointment = await prisma.appointment.findFirstOrThrow({
      where: {
        status: "booked",
        startsAt: { gt: new Date(now.getTime() + 24 * 3600_000) },
        moveRequests: { none: { status: "open" } },
        patient: { contactByEmail: true, email: { not: null } },
      },
      orderBy: [{ startsAt: "asc" }, { id: "asc" }],
      include: { patient: true },
    });
    const { token, tokenHash } = newPortalToken();
    await prisma.portalLink.create({
      data: {
        patientId: appointment.patientId,
        tokenHash,
        createdAt: now,
        createdById: staff.id,
        expiresAt: new Date(now.getTime() + 7 * 24 * 3600_000),
      },
    });
    const patientName = `${appointment.patient.familyName.toUpperCase()}, ${appointment.patient.givenName}`;
    const patientEmail = appointment.patient.email;
    process.stdout.write(JSON.stringify({ token, appointmentId: appointment.id, patientName, patientEmail }));
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
