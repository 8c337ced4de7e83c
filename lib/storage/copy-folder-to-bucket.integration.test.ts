import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { startTestS3, type TestS3 } from "@/tests/s3-server";
import { createFileSystemBlobStore } from "./blob-store";
import { copyFolderToBucket } from "./copy-folder-to-bucket";
import { createS3BlobStore, s3SettingsOf, type S3BlobStore } from "./s3-blob-store";

let s3: TestS3;
let bucket: S3BlobStore;
const dir = mkdtempSync(path.join(tmpdir(), "storage-migrate-"));

beforeAll(async () => {
  s3 = await startTestS3("tickets-migrate");
  bucket = createS3BlobStore(s3SettingsOf(parseEnv(s3.settings))!);
  const folder = createFileSystemBlobStore(dir);
  await folder.put("tickets/order-1.pdf", Buffer.from("%PDF one"), "application/pdf");
  await folder.put("events/abc.webp", Buffer.from("webp bytes"), "image/webp");
  await folder.put("outbox/0b6f/0", Buffer.from("attachment"), "application/pdf");
  // Left by an interrupted write: never a key the app reads.
  writeFileSync(path.join(dir, "tickets", "order-1.pdf.5d1c.tmp"), "half");
  mkdirSync(path.join(dir, "empty"));
});

afterAll(async () => {
  await s3.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe("storage:migrate (folder to bucket)", () => {
  it("copies every file under its key, and a second run copies nothing", async () => {
    expect(await copyFolderToBucket({ dir, bucket })).toEqual({ copied: 3, skipped: 0, refused: ["tickets/order-1.pdf.5d1c.tmp"] });
    expect((await bucket.get("tickets/order-1.pdf"))?.toString()).toBe("%PDF one");
    expect((await bucket.get("events/abc.webp"))?.toString()).toBe("webp bytes");
    expect((await bucket.get("outbox/0b6f/0"))?.toString()).toBe("attachment");
    expect(await copyFolderToBucket({ dir, bucket })).toMatchObject({ copied: 0, skipped: 3 });
  });

  it("copies a file whose bucket copy differs (an interrupted earlier run)", async () => {
    await bucket.put("tickets/order-1.pdf", Buffer.from("%PD"), "application/pdf");
    expect(await copyFolderToBucket({ dir, bucket })).toMatchObject({ copied: 1, skipped: 2 });
    expect((await bucket.get("tickets/order-1.pdf"))?.toString()).toBe("%PDF one");
  });

  it("runs as `npm run storage:migrate`, and says in one line when the bucket is not set", async () => {
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/storage-migrate.ts"], {
        env: { PATH: process.env.PATH, NODE_ENV: "development", STORAGE_DIR: dir, ...env },
      }).catch((error: { stdout: string; stderr: string; code: number }) => error);
    const done = await run(s3.settings);
    expect(done.stdout).toContain("Copied 0 files, 3 already in the bucket.");
    const refused = (await run({})) as { stderr: string; code: number };
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^S3_BUCKET is not set/);
  });
});
