// Run by ./arrange.ts through tsx (Playwright's loader cannot load the generated database
// client): one booking through the booking service, as the demo receptionist, at a given clock.
// Arguments: the database URL, the clock (ISO 8601) and the booking (JSON). Prints the new id.
import { createDb, setDb } from "@/lib/db/client";
import { bookAppointment } from "@/lib/services/appointments";
import { appointmentInput } from "@/lib/schemas/appointment";

async function main() {
  const [url, clock, booking] = process.argv.slice(2);
  const prisma = setDb(createDb(url!, { connections: 1 }));
  try {
    const staff = await prisma.staff.findUniqueOrThrow({ where: { email: "reception@demo.clinic" } });
    const { id } = await bookAppointment(
      { id: staff.id, name: staff.name, role: staff.role },
      appointmentInput.parse(JSON.parse(booking!)),
      new Date(clock!),
    );
    process.stdout.write(id);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
