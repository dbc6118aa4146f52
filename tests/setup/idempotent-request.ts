// A request with an Idempotency-Key, run in a process of its own so that a test can kill it
// (SIGKILL) at a chosen moment: `tsx tests/setup/idempotent-request.ts <moment> <actorId> <key> <site name>`
// with DATABASE_URL set. The work creates a site of the given name; the process prints the
// moment's name once it is there and then waits to be killed.
import { createDb, db, setDb } from "@/lib/db/client";
import { withIdempotency } from "@/lib/http/idempotency";

export type Moment = "reserved" | "worked" | "answered";

/** The work of the request: one site, answered 201 with its id. */
export async function createMarkerSite(name: string): Promise<Response> {
  const site = await db().$transaction((tx) => tx.site.create({ data: { name, timeZone: "Europe/London" } }));
  return Response.json({ id: site.id }, { status: 201 });
}

const wait = () => new Promise<never>(() => setInterval(() => undefined, 60_000));

async function main() {
  const [moment, actorId, key, name] = process.argv.slice(2) as [Moment, string, string, string];
  setDb(createDb(process.env.DATABASE_URL!));
  const request = { actorId, key, method: "POST", path: "/api/v1/sites", bodyText: JSON.stringify({ name }) };
  await withIdempotency(request, async () => {
    if (moment === "reserved") {
      console.log("reserved");
      return wait();
    }
    const response = await createMarkerSite(name);
    if (moment === "worked") {
      console.log("worked");
      return wait();
    }
    return response;
  });
  console.log("answered");
  await wait();
}

if (process.argv[1]?.endsWith("idempotent-request.ts")) void main();
