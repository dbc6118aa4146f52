// The application's own login role. Migrations run as the tables' owner; the app connects as a
// role that may only read and write rows: it owns nothing, so it cannot drop or disable the
// triggers that keep the audit trail append-only, and it has no UPDATE, DELETE or TRUNCATE on
// the append-only tables at all.
import { randomBytes } from "node:crypto";
import { Client } from "pg";

/** The role the embedded database and the test suites create for the app. */
const appRole = "clinic_app";

/** Tables whose rows are never changed or removed (their triggers refuse it too). */
const appendOnly = ["audit_event", "case_transition", "appointment_event", "listing_priority_change"];

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Grants `role` (an existing role) what the app needs in the database `ownerUrl` names, and no
 * more: SELECT, INSERT, UPDATE and DELETE on every table but the migrations' record, only SELECT
 * and INSERT on the append-only tables, nothing on the audit table's partitions. Run as the tables' owner after each migration run, so
 * tables added by migrations are covered.
 */
export async function grantAppPrivileges(ownerUrl: string, role: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const who = client.escapeIdentifier(role);
    const { rows } = await client.query<{ db: string }>("SELECT current_database() AS db");
    await client.query("BEGIN");
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(rows[0]!.db)} TO ${who}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${who}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${who}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${who}`);
    await client.query(`REVOKE ALL ON "_prisma_migrations" FROM ${who}`);
    for (const table of appendOnly)
      await client.query(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON ${table} FROM ${who}`);
    // The app reads and writes the audit trail through its partitioned table only: nothing on
    // a month's partition itself (the GRANT above covered the partitions that exist now).
    const partitions = await client.query<{ name: string }>(
      `SELECT relid::regclass::text AS name FROM pg_partition_tree('audit_event') WHERE relid <> 'audit_event'::regclass`,
    );
    for (const { name } of partitions.rows) await client.query(`REVOKE ALL ON ${name} FROM ${who}`);
    // The job queue (graphile_worker): the app adds jobs and its worker runs them.
    const queue = await client.query<{ present: boolean }>(
      `SELECT to_regnamespace('graphile_worker') IS NOT NULL AS present`,
    );
    if (queue.rows[0]?.present) {
      await client.query(`GRANT USAGE ON SCHEMA graphile_worker TO ${who}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA graphile_worker TO ${who}`);
      await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA graphile_worker TO ${who}`);
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphile_worker TO ${who}`);
      // Its tables keep row-level security on (against other readers); the app's role may use every row.
      const secured = await client.query<{ name: string }>(
        `SELECT c.oid::regclass::text AS name FROM pg_class c
         WHERE c.relnamespace = 'graphile_worker'::regnamespace AND c.relkind IN ('r', 'p') AND c.relrowsecurity
           AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = $1)`,
        [`${role}_all`],
      );
      for (const { name } of secured.rows)
        await client.query(
          `CREATE POLICY ${client.escapeIdentifier(`${role}_all`)} ON ${name} TO ${who} USING (true) WITH CHECK (true)`,
        );
    }
    await client.query("COMMIT");
  });
}

/**
 * Creates (or resets) the app's login role `role` in the server `ownerUrl` names, with a new
 * random password and no power beyond logging in, grants it the app's privileges on that
 * database, and returns the URL the app connects with (`ownerUrl` with the role's name and
 * password). The owner needs CREATEROLE (the embedded server's owner is a superuser).
 */
export async function createAppRole(ownerUrl: string, role = appRole): Promise<string> {
  const password = randomBytes(24).toString("hex");
  await withClient(ownerUrl, async (client) => {
    const who = client.escapeIdentifier(role);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`;
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    await client.query(rowCount ? `ALTER ROLE ${who} ${attributes}` : `CREATE ROLE ${who} ${attributes}`);
  });
  await grantAppPrivileges(ownerUrl, role);
  const url = new URL(ownerUrl);
  url.username = encodeURIComponent(role);
  url.password = password;
  return url.toString();
}

/**
 * What makes the role `url` connects as unfit to run the app: empty when it cannot alter the
 * audit trail; otherwise sentences (superuser, owner of the audit table or member of its
 * owner, UPDATE/DELETE/TRUNCATE on it). Run after migrations.
 */
export async function appRoleProblems(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ role: string; superuser: boolean; owner: boolean; change: boolean }>(`
      SELECT current_user AS role, r.rolsuper AS superuser,
             pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
             has_table_privilege('audit_event', 'UPDATE, DELETE, TRUNCATE') AS change
      FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.oid = 'audit_event'::regclass`);
    const found = rows[0]!;
    const problems: string[] = [];
    if (found.superuser) problems.push(`"${found.role}" is a superuser`);
    else if (found.owner) problems.push(`"${found.role}" owns the tables (or may act as their owner)`);
    if (!found.superuser && found.change) problems.push(`"${found.role}" may update, delete or truncate audit_event`);
    return problems;
  });
}
