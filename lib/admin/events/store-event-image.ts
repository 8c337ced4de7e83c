import "server-only";
import { randomUUID } from "node:crypto";
import { putBlob } from "@/lib/storage/blob-store";
import type { PreparedImage } from "./prepare-event-image";

/** The URL that serves a stored event image (app/api/images/[...key]/route.ts). */
export function eventImageUrl(key: string): string {
  return `/api/images/${key}`;
}

/**
 * Stores an event image that prepareEventImage has checked and re-encoded; returns the
 * path for `events.image_path`. Keys are random and never reused, so the image route can
 * let browsers and next/image cache them forever.
 */
export async function storePreparedImage(image: PreparedImage): Promise<string> {
  const key = `events/${randomUUID()}.webp`;
  await putBlob(key, image.bytes, image.contentType);
  return eventImageUrl(key);
}
