// What a patient-page test needs from an earlier clock: a link made long enough ago to have
// expired. Written straight into the e2e server's database (its throwaway embedded PostgreSQL).
import pg from "pg";
import { e2eDatabaseUrl } from "../playwright.config";

/** Makes link `linkId` as if made 91 days ago and expired yesterday (its expiry stays after its making). */
export async function expirePortalLink(linkId: string): Promise<void> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE portal_link SET created_at = now() - interval '91 days', expires_at = now() - interval '1 day'
       WHERE id = $1`,
      [linkId],
    );
    if (rowCount !== 1) throw new Error(`No portal link ${linkId}`);
  } finally {
    await client.end();
  }
}
