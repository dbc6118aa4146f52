// Creates a staff account, e.g. the first administrator of a production installation:
//   STAFF_PASSWORD='…' npm run staff:create -- admin@clinic.example "Kim Adeyemi" admin "Site name" Europe/London
// The site is created when no site has that name. The password is read from STAFF_PASSWORD so
// that it never appears in the shell history or the process list.
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrations";
import { hashPassword } from "@/lib/auth/passwords";
import { isRole } from "@/lib/auth/policy";

async function main() {
  const [email, name, role, siteName, timeZone = "Europe/London"] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  const password = process.env.STAFF_PASSWORD ?? "";
  if (!url || !email || !name || !isRole(role) || !siteName) {
    throw new Error(
      "Usage: DATABASE_URL=… STAFF_PASSWORD=… npm run staff:create -- <email> <name> <role> <site name> [time zone]",
    );
  }
  if (password.length < 12) throw new Error("STAFF_PASSWORD must be at least 12 characters.");
  await migrate(url);
  const prisma = createDb(url);
  const site =
    (await prisma.site.findFirst({ where: { name: siteName } })) ??
    (await prisma.site.create({ data: { name: siteName, timeZone } }));
  await prisma.staff.create({
    data: { email: email.toLowerCase(), name, role, siteId: site.id, passwordHash: await hashPassword(password) },
  });
  await prisma.$disconnect();
  console.log(`Created ${role} account ${email} at ${siteName}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
