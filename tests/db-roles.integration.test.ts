// compose.yaml's database roles (deploy/postgres/10-roles.sql), run with psql as the postgres
// image runs it, on the test server: the owner migrates, the app reads and writes rows and
// calls the order functions, and cannot change the schema (issue 26).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";

const superuser = new URL(process.env.DATABASE_URL!);
const database = `roles_${randomBytes(4).toString("hex")}`;
const passwords = { owner: randomBytes(12).toString("hex"), app: randomBytes(12).toString("hex") };

function urlFor(user: string, password: string, name = database): string {
  const url = new URL(superuser);
  url.username = user;
  url.password = password;
  url.pathname = `/${name}`;
  return url.toString();
}

function runRolesScript(): void {
  const admin = new URL(superuser);
  admin.pathname = "/postgres";
  execFileSync("psql", [admin.toString(), "-q", "-f", "deploy/postgres/10-roles.sql"], {
    env: { ...process.env, TICKETS_DB: database, TICKETS_OWNER_PASSWORD: passwords.owner, TICKETS_APP_PASSWORD: passwords.app },
    stdio: "pipe",
  });
}

async function asApp<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor("tickets_app", passwords.app) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  const client = new pg.Client({ connectionString: superuser.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.query("DROP ROLE IF EXISTS tickets_app");
  await client.query("DROP ROLE IF EXISTS tickets_owner");
  await client.end();
});

describe("the database roles of compose.yaml", () => {
  it("let the owner migrate and the app use rows and functions, and nothing more", async () => {
    runRolesScript();
    // Run again (a restart, a second init): it changes nothing and does not fail.
    runRolesScript();
    await applyMigrations(urlFor("tickets_owner", passwords.owner));

    await asApp(async (client) => {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM events");
      expect(rows[0].n).toBe(0);
      await client.query("BEGIN");
      await client.query("INSERT INTO venues (id, name, address, city, neighbourhood, time_zone) VALUES (gen_random_uuid(), 'Hall', 'Rua 1', 'Lisbon', 'Baixa', 'Europe/Lisbon')");
      await client.query("UPDATE venues SET name = 'Hall 2'");
      await client.query("DELETE FROM venues");
      await client.query("ROLLBACK");
      // The order functions run with the app's rights (a refusal is an answer, not an error).
      const released = await client.query("SELECT order_release(gen_random_uuid()) AS answer");
      expect(released.rows[0].answer).toEqual({ outcome: "not_found" });

      for (const statement of ["CREATE TABLE mine (id int)", "DROP TABLE events", "ALTER TABLE events ADD COLUMN x int", "TRUNCATE events", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'", "CREATE ROLE other"]) {
        const error = await client.query(statement).then(() => null, (failure: { code?: string }) => failure);
        expect(error?.code, statement).toMatch(/^(42501|42P17)$/);
      }
      const { rows: role } = await client.query("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user");
      expect(role[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    });
  });
});
