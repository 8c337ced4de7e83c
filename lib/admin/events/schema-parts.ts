// Small pieces the admin's event schemas share (schemas.ts, question-schemas.ts). Pure zod.
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

export const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .min(min, `Use at least ${min} characters`)
    .max(max, `Use at most ${max} characters`);

/** Hidden id inputs of new rows are empty: treat "" as absent. */
export const optionalId = z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid("Unknown row").optional());

export const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce
      .number({ error: `Enter ${label}` })
      .int("Use a whole number")
      .min(min, `Use ${min} or more`)
      .max(max, `Use at most ${max}`),
  );

/** A short text in other languages, by language; blank ones and one in the event's own language are dropped when written. */
export const textTranslations = (max: number) => z.partialRecord(z.enum(LOCALES), z.string().trim().max(max, `Use at most ${max} characters`)).default({});

/** A checkbox ("on", or absent) or a JSON boolean. Absent stays undefined: the caller decides. */
export const flag = z.preprocess(
  (value) => (value === "on" || value === "true" ? true : value === "false" || value === "" ? false : value),
  z.boolean({ error: "Choose yes or no" }).optional(),
);
