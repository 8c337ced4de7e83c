import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { assertValidBlobKey, InvalidBlobKeyError, type BlobStore } from "./blob-key";
import { createS3BlobStore, s3SettingsOf, type S3BlobStore } from "./s3-blob-store";

export { assertValidBlobKey, InvalidBlobKeyError, type BlobStore } from "./blob-key";

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

let s3: { config: string; store: S3BlobStore } | undefined;

/**
 * The configured store, read at call time so tests can point STORAGE_DIR or S3_* elsewhere:
 * the bucket when S3_BUCKET is set (several app hosts see the same files), else the folder.
 * One S3 client per configuration, so its connections are reused.
 */
export function blobStore(): BlobStore {
  const settings = env();
  const bucket = s3SettingsOf(settings);
  if (!bucket) return createFileSystemBlobStore(settings.STORAGE_DIR);
  const config = JSON.stringify(bucket);
  if (s3?.config !== config) s3 = { config, store: createS3BlobStore(bucket) };
  return s3.store;
}

export function putBlob(key: string, bytes: Buffer, contentType: string): Promise<void> {
  return blobStore().put(key, bytes, contentType);
}

export function getBlob(key: string): Promise<Buffer | null> {
  return blobStore().get(key);
}

/**
 * At start (lib/ops/start-server-process.ts): the bucket answers, or a one-line
 * StorageUnreachableError naming S3_BUCKET. The folder needs no check: it is made on first write.
 */
export async function checkBlobStoreReachable(): Promise<void> {
  const store = blobStore();
  if (store === s3?.store) await s3.store.checkReachable();
}
