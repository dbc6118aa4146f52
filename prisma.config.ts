import { defineConfig } from "prisma/config";

// The CLI is used only to generate the client; migrations are applied by lib/db/migrations.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
