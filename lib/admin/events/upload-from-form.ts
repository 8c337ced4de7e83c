import type { ImageUpload } from "./prepare-event-image";

/** The file of a form's `image` input, or null when none was chosen. */
export async function uploadFromForm(formData: FormData, name = "image"): Promise<ImageUpload | null> {
  const file = formData.get(name);
  if (!(file instanceof File) || file.size === 0) return null;
  return { bytes: new Uint8Array(await file.arrayBuffer()), contentType: file.type, size: file.size };
}
