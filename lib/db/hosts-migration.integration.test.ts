// Migration 20261214000000_hosts on a database that already has venues, events and vouchers:
// every row goes to the platform's host "Local Tickets", and host_id is then required.
import { randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "./migrations";

const serverUrl = process.env.DATABASE_URL!;
const name = `hosts_migration_${randomUUID().slice(0, 8)}`;
const url = (() => {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
})();
const before = mkdtempSync(path.join(tmpdir(), "migrations-"));

async function onServer(sql: string) {
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  try {
    await server.query(sql);
  } finally {
    await server.end();
  }
}

afterAll(async () => {
  rmSync(before, { recursive: true, force: true });
  await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

describe("the hosts migration", () => {
  it("gives existing venues, events and vouchers to the platform's host and then requires a host", async () => {
    await onServer(`CREATE DATABASE ${name}`);
    for (const migration of readMigrations().filter((m) => m.name < "20261214000000")) cpSync(path.join(MIGRATIONS_DIR, migration.name), path.join(before, migration.name), { recursive: true });
    await applyMigrations(url, before);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: [venue] } = await client.query(`INSERT INTO venues (name, address, city, neighbourhood, time_zone) VALUES ('Old hall', 'Rua 1', 'Lisbon', 'Baixa', 'Europe/Lisbon') RETURNING id`);
      await client.query(`INSERT INTO events (slug, title, summary, description, category, city, neighbourhood, image_path, image_alt, venue_id, updated_at)
                          VALUES ('old-event', 'Old event', 'An old event', 'Written before hosts.', 'concert', 'Lisbon', 'Baixa', '/x.webp', '', $1, now())`, [venue.id]);
      await client.query(`INSERT INTO vouchers (code, kind, value, max_uses) VALUES ('OLDCODE', 'percent_off', 10, 5)`);

      await applyMigrations(url);

      const { rows: hosts } = await client.query(`SELECT id, slug, name FROM hosts`);
      expect(hosts).toEqual([{ id: expect.any(String), slug: "local-tickets", name: "Local Tickets" }]);
      const { rows: owned } = await client.query(`SELECT (SELECT host_id FROM venues) AS venue, (SELECT host_id FROM events) AS event, (SELECT host_id FROM vouchers) AS voucher`);
      expect(owned[0]).toEqual({ venue: hosts[0].id, event: hosts[0].id, voucher: hosts[0].id });
      await expect(client.query(`UPDATE events SET host_id = NULL`)).rejects.toThrow(/null value/);
      // An event's venue must be its host's.
      const { rows: [other] } = await client.query(`INSERT INTO hosts (slug, name) VALUES ('other-host', 'Other') RETURNING id`);
      await expect(client.query(`UPDATE events SET host_id = $1`, [other.id])).rejects.toThrow(/events_venue_of_host_fkey/);
    } finally {
      await client.end();
    }
  });
});
