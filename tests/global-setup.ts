// One embedded PostgreSQL for the whole test run, in its own folder (never the dev data),
// created fresh and migrated before any test file starts.
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../lib/db/migrations";
import { startEmbeddedPostgres, type RunningPostgres } from "../scripts/lib/embedded-postgres";

let database: RunningPostgres | undefined;
let dataDir: string | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export async function setup(project: TestProject) {
  // One folder per run, so two test runs on one machine never share a server.
  dataDir = path.resolve(`.data/test-pg-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  database = await startEmbeddedPostgres({ dataDir, database: "local_tickets_test", quiet: true });
  await applyMigrations(database.url);
  project.provide("databaseUrl", database.url);
}

export async function teardown() {
  await database?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
