/**
 * Where generated and uploaded files (ticket PDFs, outbox attachments, event images) live.
 * Keys are relative, slash-separated paths such as `tickets/<orderId>.pdf`. Two stores
 * implement it: the filesystem (the embedded default, blob-store.ts) and an S3-compatible
 * bucket (s3-blob-store.ts), chosen by settings (lib/storage/blob-store.ts, `blobStore`).
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
 * The same check guards the bucket, so a key means one thing in either store.
 */
export function assertValidBlobKey(key: string): void {
  const segments = key.split("/");
  const valid = key.length > 0 && key.length <= 512 && segments.every((segment) => SEGMENT.test(segment));
  if (!valid) throw new InvalidBlobKeyError(`Invalid blob key: ${JSON.stringify(key.slice(0, 100))}`);
}

/**
 * The caching a CDN or browser may apply to a stored object. Event images have
 * content-addressed keys (lib/admin/events/store-event-image.ts): the bytes of a key never
 * change, so they are cached for a year. Everything else (ticket PDFs, attachments) belongs
 * to one buyer: never in a shared cache.
 */
export function cacheControlOf(key: string): string {
  return key.startsWith("events/") ? "public, max-age=31536000, immutable" : "private, no-store";
}
