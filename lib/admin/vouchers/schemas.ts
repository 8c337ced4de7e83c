// A voucher as an admin writes it (issue 28): the same schemas check the dashboard's forms and
// the JSON routes, and their field paths are the form's input names. Pure zod: the form and
// the OpenAPI document read them too. The rules that need the database (scope ids exist, no
// negative price, a hidden type to reveal) are check-voucher-rules.ts.
//
// `value` is a whole percent (0..100) for percent_off, and a price in major units ("5.00")
// for amount_off and set_price, stored in minor units. Times are instants: ISO 8601 with an
// offset, or `YYYY-MM-DDTHH:mm` (what a datetime-local input sends), read as UTC.
import { z } from "zod";
import { ZId } from "@/lib/id-schema";
import { ZPrice } from "@/lib/admin/events/schemas";
import { flag, wholeNumber } from "@/lib/admin/events/schema-parts";

export const VOUCHER_KINDS = ["percent_off", "amount_off", "set_price"] as const;
export type VoucherKindName = (typeof VOUCHER_KINDS)[number];

/** The stored shape of a code (the vouchers table's CHECK): buyers may type any case. */
export const VOUCHER_CODE = /^[A-Z0-9][A-Z0-9_-]{2,39}$/;
export const MAX_GENERATED = 5000;

const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZVoucherCode = z
  .string({ error: "Enter a code" })
  .trim()
  .toUpperCase()
  .regex(VOUCHER_CODE, "Use 3 to 40 letters, digits, - or _, starting with a letter or digit");

const ZInstantInput = z.preprocess(
  blankAsUndefined,
  z
    .string({ error: "Enter a date and time" })
    .trim()
    .transform((value, ctx) => {
      const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value);
      const instant = new Date(local ? `${value.slice(0, 16)}:00Z` : value);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(instant.getTime())) {
        ctx.addIssue({ code: "custom", message: "Enter a date and time, like 2026-12-20T10:00 (UTC)" });
        return z.NEVER;
      }
      return instant;
    })
    .optional(),
);

/** A list of ids: a JSON array, or the form's checkboxes (`eventIds.3`), gaps closed by form-data.ts. */
const idList = (label: string) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value.filter((item) => item !== "") : value),
    z.array(z.guid({ error: `Unknown ${label}` }), { error: `Choose ${label}s` }).max(500, `Choose at most 500 ${label}s`),
  );

const ZVoucherFields = z.object({
  kind: z.enum(VOUCHER_KINDS, { error: "Choose percent off, amount off or a set price" }),
  /** Read by `kind` in the refinement below. */
  value: z.union([z.number(), z.string()], { error: "Enter a value" }),
  currency: z.preprocess(blankAsUndefined, z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "Use a three-letter currency code like EUR").optional()),
  maxUses: z.preprocess((value) => (value === undefined ? 1 : value), wholeNumber("how many places it may be used for", 1, 1_000_000)),
  maxPerBuyer: z.preprocess(blankAsUndefined, wholeNumber("the places per buyer", 1, 1_000_000).optional()),
  validFrom: ZInstantInput,
  validUntil: ZInstantInput,
  eventIds: idList("event"),
  ticketTypeIds: idList("ticket type"),
  revealsHidden: flag.transform((value) => value ?? false),
  tag: z.preprocess((value) => (value === undefined || value === null ? "" : value), z.string().trim().max(60, "Use at most 60 characters")),
  note: z.preprocess((value) => (value === undefined || value === null ? "" : value), z.string().trim().max(500, "Use at most 500 characters")),
});

type VoucherFields = z.infer<typeof ZVoucherFields>;
export type VoucherRules = Omit<VoucherFields, "value" | "currency"> & { value: number; currency: string | null };

/** What `value` means by kind: a whole percent, or a price in major units; null when it is not one. */
function valueOf(kind: unknown, raw: unknown): { value: number } | { message: string } {
  if (kind === "percent_off") {
    const text = String(raw ?? "").trim().replace(/%$/, "");
    return /^\d{1,3}$/.test(text) && Number(text) <= 100 ? { value: Number(text) } : { message: "Use a whole percent from 0 to 100" };
  }
  const price = ZPrice.safeParse(raw);
  return price.success ? { value: price.data } : { message: price.error.issues[0]?.message ?? "Use an amount like 5.00" };
}

/**
 * The rules across fields. Runs even when other fields are invalid (values are checked before
 * use), so the admin sees every problem at once.
 */
function refineRules(fields: Record<string, unknown>, ctx: z.RefinementCtx) {
  const kind = fields.kind;
  if (VOUCHER_KINDS.includes(kind as VoucherKindName)) {
    const parsed = valueOf(kind, fields.value);
    if ("message" in parsed) ctx.addIssue({ code: "custom", path: ["value"], message: parsed.message });
    if (kind !== "percent_off" && (fields.currency === undefined || fields.currency === "")) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "Enter the currency of the amount, like EUR" });
    }
  }
  const { validFrom, validUntil, maxPerBuyer, maxUses } = fields;
  if (validFrom instanceof Date && validUntil instanceof Date && validFrom >= validUntil) {
    ctx.addIssue({ code: "custom", path: ["validUntil"], message: "End after the start" });
  }
  if (typeof maxPerBuyer === "number" && typeof maxUses === "number" && maxPerBuyer > maxUses) {
    ctx.addIssue({ code: "custom", path: ["maxPerBuyer"], message: "At most the places it may be used for" });
  }
}

function toRules<O>(fields: O): Omit<O, "value" | "currency"> & VoucherRules {
  const { kind, value, currency } = fields as unknown as VoucherFields;
  const parsed = valueOf(kind, value);
  return { ...(fields as Omit<O, "value" | "currency"> & VoucherFields), value: "value" in parsed ? parsed.value : 0, currency: kind === "percent_off" ? null : (currency ?? null) };
}

const rules = <T extends z.ZodObject>(schema: T) =>
  schema.superRefine((fields, ctx) => refineRules(fields as Record<string, unknown>, ctx), { when: () => true }).transform((fields) => toRules(fields as z.output<T>));

/** One voucher: `code` as typed, or blank for a generated one. */
export const ZCreateVoucher = rules(ZVoucherFields.extend({ code: z.preprocess(blankAsUndefined, ZVoucherCode.optional()) }));
/** An edit: the whole voucher (PATCH merges the body over the stored one first). */
export const ZUpdateVoucher = rules(ZVoucherFields.extend({ code: ZVoucherCode }));
/** N codes at once, sharing every rule and a tag (the batch's name, to list and export them). */
export const ZGenerateVouchers = rules(
  ZVoucherFields.extend({
    count: wholeNumber("how many codes", 1, MAX_GENERATED),
    prefix: z.preprocess(
      (value) => (value === undefined || value === null ? "" : value),
      z.string().trim().toUpperCase().regex(/^([A-Z0-9][A-Z0-9_-]{0,11})?$/, "Use up to 12 letters, digits, - or _"),
    ),
    tag: z.string({ error: "Name the batch" }).trim().min(1, "Name the batch (its codes share this tag)").max(60, "Use at most 60 characters"),
  }),
);

export type CreateVoucherInput = z.output<typeof ZCreateVoucher>;
export type UpdateVoucherInput = z.output<typeof ZUpdateVoucher>;
export type GenerateVouchersInput = z.output<typeof ZGenerateVouchers>;

/** The list's filters. */
export const ZVoucherFilter = z.object({
  tag: z.preprocess((value) => (typeof value === "string" ? value.trim() : undefined), z.string().max(60).optional()),
  event: z.preprocess(blankAsUndefined, ZId.optional().catch(undefined)),
});
