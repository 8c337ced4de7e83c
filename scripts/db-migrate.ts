// `npm run db:migrate`: apply prisma/migrations to DATABASE_URL, or to the embedded dev database.
import path from "node:path";
import { applyMigrations } from "../lib/db/migrations";
import { openDatabase } from "./lib/prepare-database";

const database = await openDatabase({ externalUrl: process.env.DATABASE_URL || undefined, dataDir: path.resolve(".data/pg") });
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await database.embedded?.stop();
}
