// Settings for tests that send email: the dev outbox (never a real Resend, whatever the shell
// has set), a storage folder of the test's own, a fixed APP_URL; put back afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { resetEnvCacheForTests } from "@/lib/env";

const SETTINGS = ["RESEND_API_KEY", "RESEND_BASE_URL", "STORAGE_DIR", "APP_URL"] as const;
export type MailSettings = Partial<Record<(typeof SETTINGS)[number], string | undefined>>;

export function setMailSettings(values: MailSettings): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCacheForTests();
}

/** Registers the file's beforeAll/afterAll: the outbox, a storage folder, APP_URL http://shop.test. */
export function withOutboxMail(prefix: string): void {
  const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));
  let storageDir = "";
  beforeAll(() => {
    storageDir = mkdtempSync(path.join(tmpdir(), `${prefix}-storage-`));
    setMailSettings({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined, STORAGE_DIR: storageDir, APP_URL: "http://shop.test" });
  });
  afterAll(() => {
    setMailSettings(saved);
    rmSync(storageDir, { recursive: true, force: true });
  });
}
