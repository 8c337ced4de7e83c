// `npm start` refuses a production configuration that lacks a required setting, naming it in
// one line, before it touches any database (issue 16).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function start(settings: Record<string, string>) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "run-test-"));
  try {
    const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, ...settings };
    return spawnSync(process.execPath, ["--import", "tsx", "scripts/run.ts", "start", "--quiet", "--data-dir", dataDir, "--port", "1"], { env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 60_000 });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Port 1 on localhost: nothing answers there, so reaching the database would fail differently.
const DATABASE_URL = "postgresql://tickets:secret@127.0.0.1:1/tickets";
const secrets = { AUTH_SECRET: "a".repeat(32), JOBS_SECRET: "j".repeat(32), TICKET_SIGNING_KEY: "k".repeat(43) };

describe("npm start with DATABASE_URL", () => {
  it("refuses missing secrets and payments in one line naming each, without touching the database", () => {
    const run = start({ DATABASE_URL });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    for (const name of ["AUTH_SECRET", "JOBS_SECRET", "TICKET_SIGNING_KEY", "STRIPE_SECRET_KEY"]) expect(lines[0]).toContain(name);
    expect(run.stderr).not.toMatch(/Cannot connect/);
  });

  it("refuses test payments unless UNSAFE_TEST_PAYMENTS opts in, and secrets shared between roles", () => {
    const noStripe = start({ DATABASE_URL, ...secrets });
    expect(noStripe.status).toBe(1);
    expect(noStripe.stderr.trim()).toMatch(/^Invalid settings: STRIPE_SECRET_KEY is required in production.*UNSAFE_TEST_PAYMENTS=true\)$/);

    const shared = start({ DATABASE_URL, ...secrets, JOBS_SECRET: secrets.AUTH_SECRET, UNSAFE_TEST_PAYMENTS: "true" });
    expect(shared.stderr.trim()).toBe("Invalid settings: JOBS_SECRET must differ from AUTH_SECRET in production");

    // With every setting, it gets as far as the database (which is not there).
    const complete = start({ DATABASE_URL, ...secrets, UNSAFE_TEST_PAYMENTS: "true" });
    expect(complete.status).toBe(1);
    expect(complete.stderr).toMatch(/Cannot connect to the database/);
  });
});
