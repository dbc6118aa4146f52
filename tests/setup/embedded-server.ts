// An embedded PostgreSQL started by a process of its own, so that a test can kill that process
// (SIGKILL) and leave the server running, as a killed `npm start` does:
// `node --import <tsx loader> tests/setup/embedded-server.ts <dir> <port>` prints "ready".
import { startEmbeddedPostgres } from "@/lib/db/embedded";

async function main() {
  const [dir, port] = process.argv.slice(2) as [string, string];
  await startEmbeddedPostgres({ dir, port: Number(port) });
  console.log("ready");
  setInterval(() => undefined, 60_000);
}

void main();
