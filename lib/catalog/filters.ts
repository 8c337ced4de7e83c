// The listing filters live in the URL (shareable, bookmarkable, work without JavaScript).
// Parsing is forgiving where a plain GET form is sloppy (blank fields, unknown parameters,
// from/to sent with another date choice) and strict where a value is simply wrong.
import { z } from "zod";
import { nearToEntries } from "@/lib/places/near-filter";
import { isIsoDate } from "@/lib/time";
import { CATEGORIES, type Category, type EventFilters } from "./types";

export const MAX_PAGE = 1000;
export const MAX_WHERE_LENGTH = 80;
const MAX_PRICE_EUROS = 100_000;

export type ParseEventFiltersResult =
  | { ok: true; filters: EventFilters }
  | { ok: false; parameter: string; message: string; reason?: FilterProblemReason };

/** The date-range problems a reader meets through the form, named so pages can say them in the reader's language. */
export type FilterProblemReason = "fromMissing" | "toMissing" | "toBeforeFrom" | "rangeTooLong";

const CATEGORY_VALUES = CATEGORIES.map((category) => category.value) as [Category, ...Category[]];

/** A GET form sends empty fields as `name=`: treat them as absent. */
const blankAsAbsent = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalParam = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsAbsent, schema.optional());

const ZIsoDate = z.string().trim().refine(isIsoDate, "Use a date like 2026-06-30");

const ZEventFilterParams = z
  .object({
    category: optionalParam(z.enum(CATEGORY_VALUES, { error: "Choose one of the listed categories" })),
    where: optionalParam(
      z
        .string()
        // Control characters never belong in a place name; whitespace runs collapse.
        .transform((value) => value.replace(/\p{Cc}/gu, " ").replace(/\s+/g, " ").trim())
        .pipe(z.string().max(MAX_WHERE_LENGTH, `Use at most ${MAX_WHERE_LENGTH} characters for the place`)),
    ),
    date: optionalParam(z.enum(["today", "weekend", "range"], { error: "Choose today, this weekend or between dates" })),
    from: optionalParam(ZIsoDate),
    to: optionalParam(ZIsoDate),
    price: optionalParam(
      z
        .string()
        .trim()
        .toLowerCase()
        .refine((value) => value === "free" || /^\d{1,6}$/.test(value), "Use “free” or a whole number of euros, like 20")
        .transform((value) => (value === "free" ? 0 : Number(value)))
        .pipe(z.number().max(MAX_PRICE_EUROS, `Use a price up to ${MAX_PRICE_EUROS} euros`)),
    ),
    available: optionalParam(z.enum(["1", "0", "true", "false", "on"], { error: "Use available=1 to show only events with places left" })),
    page: optionalParam(
      z
        .string()
        .trim()
        .regex(/^\d{1,7}$/, `The page must be a whole number from 1 to ${MAX_PAGE}`)
        .transform(Number)
        .pipe(z.number().min(1, "Pages start at 1").max(MAX_PAGE, `Pages stop at ${MAX_PAGE}`)),
    ),
  })
  .superRefine((params, ctx) => {
    // from/to sent without a date choice mean "between these dates"; with "today" or
    // "weekend" they are leftovers of the form and ignored.
    const isRange = params.date === "range" || (params.date === undefined && (params.from !== undefined || params.to !== undefined));
    if (!isRange) return;
    if (params.from === undefined) {
      ctx.addIssue({ code: "custom", path: ["from"], message: "Choose a start date for the range", params: { reason: "fromMissing" } });
      return;
    }
    if (params.to === undefined) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Choose an end date for the range", params: { reason: "toMissing" } });
      return;
    }
    if (params.to < params.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end date must not be before the start date", params: { reason: "toBeforeFrom" } });
      return;
    }
    if (params.to > addOneYear(params.from)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Choose dates at most one year apart", params: { reason: "rangeTooLong" } });
    }
  });

/** YYYY-MM-DD one calendar year later (as a string: comparisons of ISO dates are lexical). */
function addOneYear(date: string): string {
  return `${String(Number(date.slice(0, 4)) + 1).padStart(4, "0")}${date.slice(4)}`;
}

const PARAMETERS = ["category", "where", "date", "from", "to", "price", "available", "page"] as const;

export function parseEventFilters(params: URLSearchParams): ParseEventFiltersResult {
  // First value of each known parameter; unknown parameters are ignored.
  const raw: Record<string, string | undefined> = {};
  for (const name of PARAMETERS) raw[name] = params.get(name) ?? undefined;

  const parsed = ZEventFilterParams.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const reason = issue.code === "custom" ? (issue.params?.reason as FilterProblemReason | undefined) : undefined;
    return { ok: false, parameter: String(issue.path[0] ?? "query"), message: issue.message, ...(reason ? { reason } : {}) };
  }
  const values = parsed.data;
  const filters: EventFilters = { page: values.page ?? 1 };
  if (values.category) filters.category = values.category;
  if (values.where) filters.where = values.where;
  if (values.date === "today" || values.date === "weekend") filters.date = values.date;
  else if (values.from !== undefined && values.to !== undefined) {
    filters.date = "range";
    filters.from = values.from;
    filters.to = values.to;
  }
  if (values.price === 0) filters.free = true;
  else if (values.price !== undefined) filters.maxPriceMinor = values.price * 100;
  if (values.available === "1" || values.available === "true" || values.available === "on") filters.available = true;
  return { ok: true, filters };
}

/**
 * The URL parameters for `filters`, in a stable order, for links: pagination passes
 * `{ ...filters, page }` so the other filters are kept. Page 1 and absent filters are left out.
 */
export function filtersToSearchParams(filters: Omit<EventFilters, "page"> & { page?: number }): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.category) params.set("category", filters.category);
  if (filters.where) params.set("where", filters.where);
  if (filters.date) params.set("date", filters.date);
  if (filters.date === "range" && filters.from && filters.to) {
    params.set("from", filters.from);
    params.set("to", filters.to);
  }
  if (filters.free) params.set("price", "free");
  else if (filters.maxPriceMinor !== undefined) params.set("price", String(Math.floor(filters.maxPriceMinor / 100)));
  if (filters.available) params.set("available", "1");
  for (const [name, value] of nearToEntries(filters.near)) params.set(name, value);
  if (filters.page !== undefined && filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** How many filters narrow the listing (shown on the "Filters" toggle, so a closed panel still tells). */
export function countActiveFilters(filters: Omit<EventFilters, "page">): number {
  let count = 0;
  if (filters.category) count++;
  if (filters.where) count++;
  if (filters.date) count++;
  if (filters.free || filters.maxPriceMinor !== undefined) count++;
  if (filters.available) count++;
  if (filters.near) count++;
  return count;
}

export type QuickFilter = "today" | "weekend" | "free" | "available";

/** Whether a one-tap chip is on for `filters`. */
export function isQuickFilterOn(filters: Omit<EventFilters, "page">, quick: QuickFilter): boolean {
  switch (quick) {
    case "today":
    case "weekend":
      return filters.date === quick;
    case "free":
      return filters.free === true;
    case "available":
      return filters.available === true;
  }
}

/**
 * The filters after tapping a one-tap chip: it switches itself on or off and keeps the other
 * filters (a date chip replaces another date choice; "free" replaces a maximum price).
 * The page is dropped, since the results change.
 */
export function toggleQuickFilter(filters: Omit<EventFilters, "page">, quick: QuickFilter): Omit<EventFilters, "page"> {
  const next: Omit<EventFilters, "page"> = { ...filters };
  const on = isQuickFilterOn(filters, quick);
  if (quick === "today" || quick === "weekend") {
    delete next.from;
    delete next.to;
    if (on) delete next.date;
    else next.date = quick;
  } else if (quick === "free") {
    delete next.maxPriceMinor;
    if (on) delete next.free;
    else next.free = true;
  } else if (on) delete next.available;
  else next.available = true;
  return next;
}

// The English labels stay for the JSON API; pages say each chip in the reader's language by its `quick` name.
const QUICK_FILTERS: { quick: QuickFilter; label: string }[] = [
  { quick: "today", label: "Today" },
  { quick: "weekend", label: "This weekend" },
  { quick: "free", label: "Free" },
  { quick: "available", label: "Places left" },
];

/** The URL of `path` showing `query` (when not blank) with `filters`. */
export function listingHref(path: string, query: string, filters: Omit<EventFilters, "page"> & { page?: number }): string {
  const params = new URLSearchParams(query.trim() ? [["q", query.trim()]] : []);
  for (const [name, value] of filtersToSearchParams(filters)) params.append(name, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The one-tap filter chips of a listing at `path`, each a link that toggles itself. */
export function quickFilterChips(path: string, query: string, filters: Omit<EventFilters, "page">) {
  return QUICK_FILTERS.map(({ quick, label }) => ({
    quick,
    label,
    on: isQuickFilterOn(filters, quick),
    href: listingHref(path, query, toggleQuickFilter(filters, quick)),
  }));
}
