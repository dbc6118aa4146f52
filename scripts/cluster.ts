// `npm run cluster`: N app processes (`next start`) on one PostgreSQL behind HAProxy, as in
// production. Needs DATABASE_URL (the app's role; migrations already applied, e.g. by one
// `npm start`) and NEXTAUTH_SECRET, shared by every process so a session works on any of them.
//   CLUSTER_PROCESSES=2 CLUSTER_PORT=3590 APP_PORT_BASE=3501 npm run cluster
import { startApp, ensureBuild, type App } from "./bench/api-app";
import { haproxyMissing, startBalancer } from "./bench/balancer";

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!databaseUrl || !secret) {
    console.error("Set DATABASE_URL and NEXTAUTH_SECRET (the same for every process).");
    process.exit(1);
  }
  const missing = haproxyMissing();
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
  const processes = Number(process.env.CLUSTER_PROCESSES ?? 2);
  const port = Number(process.env.CLUSTER_PORT ?? 3590);
  const base = Number(process.env.APP_PORT_BASE ?? 3501);
  const publicUrl = process.env.NEXTAUTH_URL ?? `http://127.0.0.1:${port}`;
  ensureBuild();
  const apps: App[] = [];
  for (let i = 0; i < processes; i++) {
    apps.push(await startApp({ port: base + i, databaseUrl, secret, publicUrl }));
  }
  const balancer = await startBalancer(
    port,
    apps.map((a) => new URL(a.url).host),
  );
  console.log(
    `${processes} app processes (pids ${apps.map((a) => a.pid).join(", ")}) behind HAProxy at ${balancer.url}`,
  );
  const stop = async () => {
    await balancer.stop();
    await Promise.all(apps.map((a) => a.stop()));
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
