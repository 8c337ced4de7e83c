import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * Where generated files (ticket PDFs, outbox attachments) live. Keys are relative,
 * slash-separated paths such as `tickets/<orderId>.pdf`.
 * Today only the filesystem store exists; an S3-compatible store (settings S3_*) would
 * implement this same interface once an S3 client is a dependency.
 */
export interface BlobStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
}

export class InvalidBlobKeyError extends Error {}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/**
 * Keys are checked, not rewritten: each segment is letters, digits, `.`, `_`, `-`, never
 * empty, `.` or `..`, and never starting with a dot, so a key cannot leave the store's folder.
 */
export function assertValidBlobKey(key: string): void {
  const segments = key.split("/");
  const valid = key.length > 0 && key.length <= 512 && segments.every((segment) => SEGMENT.test(segment));
  if (!valid) throw new InvalidBlobKeyError(`Invalid blob key: ${JSON.stringify(key.slice(0, 100))}`);
}

export function createFileSystemBlobStore(rootDir: string): BlobStore {
  const root = path.resolve(rootDir);

  function fileOf(key: string): string {
    assertValidBlobKey(key);
    const file = path.resolve(root, ...key.split("/"));
    // Belt and braces: the key check above already rules this out.
    if (!file.startsWith(root + path.sep)) throw new InvalidBlobKeyError(`Invalid blob key: ${key}`);
    return file;
  }

  return {
    // The content type is not kept on disk; whoever serves a blob knows what it stored.
    async put(key, bytes) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Write a temp file beside the target, flush it, then rename over the target:
      // a reader sees the old bytes or the new ones, never half a file, even after a crash.
      const temp = `${file}.${randomUUID()}.tmp`;
      try {
        const handle = await open(temp, "wx", 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
  };
}

/** The configured store, read at call time so tests can point STORAGE_DIR elsewhere. */
export function blobStore(): BlobStore {
  return createFileSystemBlobStore(env().STORAGE_DIR);
}

export function putBlob(key: string, bytes: Buffer, contentType: string): Promise<void> {
  return blobStore().put(key, bytes, contentType);
}

export function getBlob(key: string): Promise<Buffer | null> {
  return blobStore().get(key);
}
