import "server-only";
import { AdminError } from "../errors";
import { IMAGE_RULES } from "./form-values";

const MAX_IMAGE_BYTES = IMAGE_RULES.maxBytes;
const ACCEPTED_IMAGE_TYPES: readonly string[] = IMAGE_RULES.types;
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "heif"]);
const MIN_WIDTH = IMAGE_RULES.minWidth;
const MIN_HEIGHT = IMAGE_RULES.minHeight;
/** Output bounds: large enough for a full-width hero on a desktop, small for a phone. */
const MAX_WIDTH = 1600;
const MAX_HEIGHT = 1200;

export type ImageUpload = { bytes: Uint8Array; contentType: string; size: number };
export type PreparedImage = { bytes: Buffer; contentType: "image/webp"; width: number; height: number };

function refuse(message: string): never {
  throw new AdminError("validation_failed", message, { image: message });
}

/**
 * Checks an uploaded event image (declared type, size, and what the bytes really are) and
 * re-encodes it: auto-rotated, at most 1600×1200, WebP, metadata (EXIF, GPS) stripped.
 * Re-encoding also means we never serve the uploader's bytes as they came.
 */
export async function prepareEventImage(upload: ImageUpload): Promise<PreparedImage> {
  if (!ACCEPTED_IMAGE_TYPES.includes(upload.contentType)) refuse("Use a JPEG, PNG, WebP or AVIF image");
  if (upload.size > MAX_IMAGE_BYTES || upload.bytes.byteLength > MAX_IMAGE_BYTES) refuse("Use an image of at most 5 MB");
  if (upload.bytes.byteLength === 0) refuse("The image file is empty");

  // sharp is a native module that ships with Next; load it only when an image arrives.
  const sharp = (await import("sharp")).default;
  // A small pixel limit refuses decompression bombs (a tiny file that expands to gigapixels).
  const input = () => sharp(upload.bytes, { limitInputPixels: 40_000_000, failOn: "error" });
  let metadata;
  try {
    metadata = await input().metadata();
  } catch {
    refuse("This file is not an image we can read");
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) refuse("Use a JPEG, PNG, WebP or AVIF image");
  const width = metadata.autoOrient?.width ?? metadata.width ?? 0;
  const height = metadata.autoOrient?.height ?? metadata.height ?? 0;
  if (width < MIN_WIDTH || height < MIN_HEIGHT) refuse(`Use an image of at least ${MIN_WIDTH}×${MIN_HEIGHT} pixels`);

  try {
    const { data, info } = await input()
      .rotate()
      .resize({ width: MAX_WIDTH, height: MAX_HEIGHT, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: "image/webp", width: info.width, height: info.height };
  } catch {
    refuse("This image could not be processed; try another file");
  }
}
