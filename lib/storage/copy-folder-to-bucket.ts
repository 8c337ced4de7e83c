import "server-only";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { assertValidBlobKey, InvalidBlobKeyError } from "./blob-key";
import type { S3BlobStore } from "./s3-blob-store";

const TYPES: Record<string, string> = {
  pdf: "application/pdf",
  webp: "image/webp",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  avif: "image/avif",
  ics: "text/calendar; charset=utf-8",
};

/** The folder store keeps no content type; the key's extension says it (outbox attachments have none: their row does). */
function contentTypeOf(key: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(key)?.[1]?.toLowerCase();
  return (extension && TYPES[extension]) || "application/octet-stream";
}

export type CopyReport = { copied: number; skipped: number; refused: string[] };

/**
 * `npm run storage:migrate`: every file of the filesystem store goes to the bucket under the
 * same key. Idempotent: a key the bucket already holds at the same size is left alone, so a
 * second run (or one after an interruption) copies only what is missing. Files the app never
 * wrote (temp files of an interrupted write, names outside the key rules) are listed, not copied.
 */
export async function copyFolderToBucket(options: { dir: string; bucket: S3BlobStore; onFile?: (key: string, action: "copied" | "skipped") => void }): Promise<CopyReport> {
  const root = path.resolve(options.dir);
  const report: CopyReport = { copied: 0, skipped: 0, refused: [] };
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  for (const file of files.sort()) {
    const key = path.relative(root, file).split(path.sep).join("/");
    try {
      assertValidBlobKey(key);
    } catch (error) {
      if (!(error instanceof InvalidBlobKeyError)) throw error;
      report.refused.push(key);
      continue;
    }
    if (key.endsWith(".tmp")) {
      report.refused.push(key);
      continue;
    }
    const { size } = await stat(file);
    if ((await options.bucket.sizeOf(key)) === size) {
      report.skipped++;
      options.onFile?.(key, "skipped");
      continue;
    }
    await options.bucket.put(key, await readFile(file), contentTypeOf(key));
    report.copied++;
    options.onFile?.(key, "copied");
  }
  return report;
}
