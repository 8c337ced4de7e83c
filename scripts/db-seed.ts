// `npm run db:seed`: put the demo catalogue and the demo logins (admin@example.com /
// admin-password, attendee@example.com / attendee-password) into the database of
// DATABASE_URL, or the embedded one. Explicit on purpose: start-up seeds only the embedded
// database, because a real database must never get a well-known admin password. Applies
// pending migrations first; does nothing when the database already has users or events.
import path from "node:path";
import { applyMigrations } from "../lib/db/migrations";
import { DEMO_LOGINS } from "../lib/db/seed-demo";
import { demoLoginLines, demoPaymentsOf } from "../lib/db/seed-demo-hosts";
import { openDatabase, seedIfEmpty, StartupError } from "./lib/prepare-database";

async function main() {
  const database = await openDatabase({ externalUrl: process.env.DATABASE_URL?.trim() || undefined, dataDir: path.resolve(".data/pg"), quiet: true });
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    if (!(await seedIfEmpty(database.url))) {
      console.log("The database already has users or events: nothing seeded.");
      return;
    }
    console.log("Seeded demo data. Demo logins (change or remove them before real use):");
    for (const line of demoLoginLines(DEMO_LOGINS, demoPaymentsOf(process.env))) console.log(`  ${line}`);
  } finally {
    await database.embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof StartupError ? error.message : `db:seed failed: ${(error as Error).message}`);
  process.exit(1);
});
