import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { parseEnv, resetEnvCacheForTests } from "@/lib/env";
import { startTestS3, type TestS3 } from "@/tests/s3-server";
import { InvalidBlobKeyError } from "./blob-key";
import { blobStore, getBlob, putBlob } from "./blob-store";
import { createS3BlobStore, s3SettingsOf, StorageUnreachableError, type S3BlobStore } from "./s3-blob-store";

let s3: TestS3;
let store: S3BlobStore;
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await startTestS3();
  store = createS3BlobStore(s3SettingsOf(parseEnv(s3.settings))!);
});

afterAll(async () => {
  process.env = saved;
  resetEnvCacheForTests();
  await s3.dispose();
});

async function headOf(key: string) {
  const client = new S3Client({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  return client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
}

describe("S3 blob store against a real S3-protocol server", () => {
  it("stores, replaces and reads back bytes; a missing key is null", async () => {
    await store.put("tickets/a.pdf", Buffer.from("first"), "application/pdf");
    expect((await store.get("tickets/a.pdf"))?.toString()).toBe("first");
    await store.put("tickets/a.pdf", Buffer.from("second"), "application/pdf");
    expect((await store.get("tickets/a.pdf"))?.toString()).toBe("second");
    expect(await store.get("tickets/missing.pdf")).toBeNull();
    expect(await store.sizeOf("tickets/a.pdf")).toBe(6);
    expect(await store.sizeOf("tickets/missing.pdf")).toBeNull();
  });

  it("keeps the content type and the caching a CDN needs: immutable images, private PDFs", async () => {
    await store.put("events/abc.webp", Buffer.from("img"), "image/webp");
    expect(await headOf("events/abc.webp")).toMatchObject({ ContentType: "image/webp", CacheControl: "public, max-age=31536000, immutable" });
    expect(await headOf("tickets/a.pdf")).toMatchObject({ ContentType: "application/pdf", CacheControl: "private, no-store" });
  });

  it("refuses the keys the filesystem store refuses", async () => {
    for (const key of ["../escape", "a//b", ".hidden", "/etc/passwd"]) {
      await expect(store.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow(InvalidBlobKeyError);
      await expect(store.get(key)).rejects.toThrow(InvalidBlobKeyError);
    }
  });

  it("is the app's store when S3_BUCKET is set, and the folder when it is not", async () => {
    Object.assign(process.env, s3.settings);
    resetEnvCacheForTests();
    await putBlob("outbox/x/0", Buffer.from("attachment"), "application/pdf");
    expect((await store.get("outbox/x/0"))?.toString()).toBe("attachment");
    expect(blobStore()).toBe(blobStore());
    delete process.env.S3_BUCKET;
    for (const name of ["S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"]) delete process.env[name];
    resetEnvCacheForTests();
    expect(await getBlob("outbox/x/0")).toBeNull();
  });

  it("answers a start-up check, or one line naming the setting when the bucket is wrong or away", async () => {
    await expect(store.checkReachable()).resolves.toBeUndefined();
    const wrong = createS3BlobStore(s3SettingsOf(parseEnv({ ...s3.settings, S3_BUCKET: "no-such-bucket" }))!);
    await expect(wrong.checkReachable()).rejects.toThrow(StorageUnreachableError);
    await expect(wrong.checkReachable()).rejects.toThrow(/^S3_BUCKET "no-such-bucket" cannot be reached at http:\/\/127\.0\.0\.1:\d+ \(NotFound, HTTP 404\)/);
    await s3.stop();
    try {
      const error = await store.checkReachable().catch((caught: Error) => caught);
      expect(error).toBeInstanceOf(StorageUnreachableError);
      expect((error as Error).message).toMatch(/^S3_BUCKET "tickets-test" cannot be reached .*ECONNREFUSED.*S3_ENDPOINT/);
      expect((error as Error).message).not.toContain("\n");
    } finally {
      await s3.start();
    }
  });
});
