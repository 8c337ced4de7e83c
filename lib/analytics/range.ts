// The dashboard's date range: whole UTC days, `from` and `to` both included. Sales are
// grouped by day, week (ISO, from Monday) or month, whichever keeps the chart readable.
import { isIsoDate } from "@/lib/time";

export type Bucket = "day" | "week" | "month";

export type DateRange = {
  from: string;
  to: string;
  /** Inclusive start and exclusive end instants (UTC midnight). */
  start: Date;
  end: Date;
  bucket: Bucket;
};

export const DEFAULT_DAYS = 30;
export const MAX_DAYS = 3 * 366;
const DAY = 24 * 3600_000;

function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

export function bucketFor(days: number): Bucket {
  if (days <= 92) return "day";
  if (days <= 2 * 366) return "week";
  return "month";
}

/**
 * Reads `from`/`to` (YYYY-MM-DD) from a query string. Missing or unusable values fall back
 * to the last 30 days; the problem, if any, is returned so the page can say so.
 */
export function parseDateRange(query: { from?: unknown; to?: unknown }, now = new Date()): { range: DateRange; error: string | null } {
  const today = isoDate(now);
  const defaultFrom = isoDate(new Date(Date.parse(`${today}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY));
  const given = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
  let from = given(query.from);
  let to = given(query.to);
  let error: string | null = null;

  if ((from && !isIsoDate(from)) || (to && !isIsoDate(to))) {
    error = "Use dates like 2026-03-01.";
    from = undefined;
    to = undefined;
  }
  from ??= to ? isoDate(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY)) : defaultFrom;
  to ??= from > today ? from : today;
  if (from > to) {
    error = "The start date is after the end date; showing the end date's 30 days instead.";
    from = isoDate(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_DAYS - 1) * DAY));
  }
  let start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY);
  if ((end.getTime() - start.getTime()) / DAY > MAX_DAYS) {
    error = "Ranges are limited to three years; showing the last three years of the range.";
    start = new Date(end.getTime() - MAX_DAYS * DAY);
    from = isoDate(start);
  }
  const days = Math.round((end.getTime() - start.getTime()) / DAY);
  return { range: { from, to, start, end, bucket: bucketFor(days) }, error };
}

/** The first day (YYYY-MM-DD) of every bucket that overlaps the range, oldest first. */
export function bucketStarts(range: DateRange): string[] {
  const starts: string[] = [];
  const cursor = new Date(range.start);
  if (range.bucket === "week") cursor.setUTCDate(cursor.getUTCDate() - ((cursor.getUTCDay() + 6) % 7));
  if (range.bucket === "month") cursor.setUTCDate(1);
  while (cursor < range.end) {
    starts.push(isoDate(cursor));
    if (range.bucket === "day") cursor.setUTCDate(cursor.getUTCDate() + 1);
    else if (range.bucket === "week") cursor.setUTCDate(cursor.getUTCDate() + 7);
    else cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return starts;
}
