"use client";
import Image from "next/image";
import { IMAGE_RULES } from "@/lib/admin/events/form-values";
import { TextField } from "../form-fields";
import { sectionClass } from "./styles";

type Props = { initial: { imagePath: string; imageAlt: string }; errors: Record<string, string>; imageError: string | null; onImageError: (error: string | null) => void };

/** The current image, a new one (checked in the browser before it is sent), and its description. */
export function ImageSection({ initial, errors, imageError, onImageError }: Props) {
  const setImageError = onImageError;
  return (
    <section aria-labelledby="image-heading" className={sectionClass}>
      <h2 id="image-heading" className="text-lg font-semibold">Image</h2>
      {initial.imagePath ? (
        <div className="flex items-center gap-3">
          <Image src={initial.imagePath} alt="" width={160} height={107} className="aspect-[3/2] w-40 rounded-lg object-cover" />
          <p className="text-sm text-stone-700">Current image. Choose a file below to replace it.</p>
        </div>
      ) : null}
      <TextField
        label={initial.imagePath ? "New image (optional)" : "Image"}
        name="image"
        type="file"
        accept={IMAGE_RULES.types.join(",")}
        error={imageError ?? errors.image}
        hint={`JPEG, PNG, WebP or AVIF, at most 5 MB, at least ${IMAGE_RULES.minWidth}×${IMAGE_RULES.minHeight} pixels. It is resized for the web.`}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (!file) return setImageError(null);
          if (!(IMAGE_RULES.types as readonly string[]).includes(file.type)) return setImageError("Use a JPEG, PNG, WebP or AVIF image");
          setImageError(file.size > IMAGE_RULES.maxBytes ? "Use an image of at most 5 MB" : null);
        }}
        className="[&_input]:py-2"
      />
      <TextField
        label="Image description"
        name="imageAlt"
        defaultValue={initial.imageAlt}
        error={errors.imageAlt}
        hint="What the image shows, for people who can't see it."
        required
        maxLength={200}
      />
    </section>
  );
}
