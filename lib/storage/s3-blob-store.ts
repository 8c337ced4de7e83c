import "server-only";
import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { Env } from "@/lib/env";
import { assertValidBlobKey, cacheControlOf, type BlobStore } from "./blob-key";

export type S3Settings = {
  bucket: string;
  region: string;
  /** An S3-compatible service (MinIO, R2, …); unset: AWS's own endpoint for the region. */
  endpoint?: string;
  /** Unset: the SDK's default chain (instance role, AWS_* variables, profile). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `bucket.host/key` (AWS) or `host/bucket/key` (MinIO and most self-hosted services). */
  forcePathStyle: boolean;
};

/** The bucket the settings name, or undefined for the filesystem store (S3_BUCKET unset). */
export function s3SettingsOf(env: Env): S3Settings | undefined {
  if (!env.S3_BUCKET) return undefined;
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    credentials: env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
  };
}

export type S3BlobStore = BlobStore & {
  /** The stored size of a key, or null when there is none (storage:migrate compares sizes). */
  sizeOf(key: string): Promise<number | null>;
  /** Resolves when the bucket answers; throws a one-line StorageUnreachableError naming the setting otherwise. */
  checkReachable(): Promise<void>;
};

export class StorageUnreachableError extends Error {}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata?.httpStatusCode === 404);
}

function reasonOf(error: unknown): string {
  if (error instanceof S3ServiceException) return `${error.name}, HTTP ${error.$metadata?.httpStatusCode ?? "?"}`;
  return (error as Error).message ?? String(error);
}

export function createS3BlobStore(settings: S3Settings): S3BlobStore {
  const client = new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials,
    // Bounded: a bucket that stops answering fails the job (which retries) instead of holding
    // a worker for ever. Two attempts inside one job; the queue's backoff does the rest.
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    // Checksums only where S3 requires them: the newer default trailers are not understood by
    // every S3-compatible service yet, and the objects here are whole buffers anyway.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = settings.bucket;

  return {
    async put(key, bytes, contentType) {
      assertValidBlobKey(key);
      // One PUT is atomic in S3: a reader sees the old object or the new one, never half.
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType, CacheControl: cacheControlOf(key) }));
    },
    async get(key) {
      assertValidBlobKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return Buffer.from(await object.Body!.transformToByteArray());
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async sizeOf(key) {
      assertValidBlobKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return head.ContentLength ?? 0;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async checkReachable() {
      try {
        await client.send(new HeadBucketCommand({ Bucket }));
      } catch (error) {
        const where = settings.endpoint ?? `AWS ${settings.region}`;
        throw new StorageUnreachableError(
          `S3_BUCKET "${Bucket}" cannot be reached at ${where} (${reasonOf(error)}): check S3_BUCKET, S3_ENDPOINT, S3_REGION and the S3 credentials, or unset S3_BUCKET to keep files in STORAGE_DIR.`,
        );
      }
    },
  };
}
