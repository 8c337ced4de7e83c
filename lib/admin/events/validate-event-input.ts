import "server-only";
import { AdminError, isAdminError } from "../errors";
import { prepareEventImage, type ImageUpload, type PreparedImage } from "./prepare-event-image";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import type { EventInput } from "./schemas";

type SafeParser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
};

/**
 * Schema check plus image check, reported together so the admin sees every problem at
 * once. Returns the parsed input and the re-encoded image (not yet stored).
 */
export async function validateEventInput<T extends EventInput>(
  schema: SafeParser<T>,
  raw: unknown,
  upload: ImageUpload | null | undefined,
  options: { imageRequired: boolean },
): Promise<{ input: T; image: PreparedImage | null }> {
  const parsed = schema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
  let image: PreparedImage | null = null;
  if (upload && upload.size > 0) {
    try {
      image = await prepareEventImage(upload);
    } catch (error) {
      if (!isAdminError(error)) throw error;
      Object.assign(fieldErrors, error.fieldErrors ?? { image: error.message });
    }
  } else if (options.imageRequired && !(parsed.success ? parsed.data.imagePath : namesImage(raw))) {
    fieldErrors.image ??= "Choose an image";
  }
  if (!parsed.success || Object.keys(fieldErrors).length > 0) {
    throw new AdminError("validation_failed", "Check the highlighted fields.", fieldErrors);
  }
  return { input: parsed.data, image };
}

function namesImage(raw: unknown): boolean {
  const imagePath = (raw as { imagePath?: unknown } | null)?.imagePath;
  return typeof imagePath === "string" && imagePath.trim() !== "";
}
