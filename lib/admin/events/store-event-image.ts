import "server-only";
import { createHash } from "node:crypto";
import { putBlob } from "@/lib/storage/blob-store";
import type { PreparedImage } from "./prepare-event-image";

/** The URL that serves a stored event image (app/api/images/[...key]/route.ts). */
export function eventImageUrl(key: string): string {
  return `/api/images/${key}`;
}

/**
 * Stores an event image that prepareEventImage has checked and re-encoded; returns the
 * path for `events.image_path`. Keys are content-addressed (the bytes' SHA-256), so a key's
 * bytes never change: the image route, a CDN and next/image cache them forever, and a bucket
 * keeps one copy of an image uploaded twice.
 */
export async function storePreparedImage(image: PreparedImage): Promise<string> {
  const key = `events/${createHash("sha256").update(image.bytes).digest("hex")}.webp`;
  await putBlob(key, image.bytes, image.contentType);
  return eventImageUrl(key);
}
