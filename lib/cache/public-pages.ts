import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import { sql } from "@/lib/db";

// The public pages' data from Next's cache (issue 32.3): the home listing, search without a
// query, event, city and venue pages read through `cachedPublicRead`, tagged with the names
// below, and expired by the writes that change them (`revalidatePublicPages`, one line in the
// admin's event writes) and by availability crossing "sold out" (public-cache-listener.ts).
// Live places are still pushed over the stream, so a cached page never shows stale places
// for long. docs/decisions/0016.

/** Every tag a public page's data carries. */
export const PUBLIC_TAGS = {
  /** Lists of events: home, search without a query, city and venue pages, the API's listing. */
  catalog: "public:catalog",
  /** Every event page (a sold-out change knows the event's id, the page is cached by slug). */
  events: "public:events",
  /** One event's page, by slug. */
  event: (slug: string) => `public:event:${slug}`,
} as const;

/** The longest a process serves cached data that a write in another process has changed, if its notice is lost. */
export const PUBLIC_CACHE_SECONDS = 60;

/** The channel on which a write tells every app process which tags to expire. */
export const PUBLIC_CACHE_CHANNEL = "public_cache";

// Next's cache keeps JSON: Dates are marked on the way in and revived on the way out.
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, plain) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : plain;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, value) =>
    value && typeof value === "object" && typeof value.$date === "string" && Object.keys(value).length === 1 ? new Date(value.$date) : value,
  ) as T;
}

/** Next's incremental cache of this server process, once it has served a request (unset in tests and scripts). */
function hasNextCache(): boolean {
  return "__incrementalCache" in globalThis && Boolean((globalThis as { __incrementalCache?: unknown }).__incrementalCache);
}

/**
 * `read`, with its answer kept in Next's data cache under `name` and its arguments (JSON), tagged
 * with `tagsOf(...args)`. Outside a Next server (tests, scripts) it just reads.
 */
export function cachedPublicRead<Args extends unknown[], T>(name: string, read: (...args: Args) => Promise<T>, tagsOf: (...args: Args) => string[]): (...args: Args) => Promise<T> {
  return async (...args: Args) => {
    if (!hasNextCache()) return read(...args);
    const cached = unstable_cache(async (...inner: Args) => encode(await read(...inner)), [name], { tags: tagsOf(...args), revalidate: PUBLIC_CACHE_SECONDS });
    return decode<T>(await cached(...args));
  };
}

/** Expires tags in this process's cache now (from a request, or from the listener). */
export function expireTagsHere(tags: string[]): void {
  try {
    // Inside a request or server action: Next's own API (an action then re-renders fresh).
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
    return;
  } catch {
    // Outside a request (the notification listener, a background timer).
  }
  const cache = (globalThis as { __incrementalCache?: { revalidateTag(tags: string[]): Promise<void> } }).__incrementalCache;
  void cache?.revalidateTag(tags).catch(() => {});
}

/**
 * After a write that changes what public pages show (an event's texts, its publication, its
 * sessions): expire the catalog and the event's page here at once, and in every other app
 * process through PostgreSQL (NOTIFY; each process's listener expires them in its own cache).
 */
export async function revalidatePublicPages(change: { slugs?: (string | null | undefined)[] } = {}): Promise<void> {
  const slugs = (change.slugs ?? []).filter((slug): slug is string => Boolean(slug));
  const tags = [PUBLIC_TAGS.catalog, ...(slugs.length > 0 ? slugs.map(PUBLIC_TAGS.event) : [PUBLIC_TAGS.events])];
  expireTagsHere(tags);
  await sql`SELECT pg_notify(${PUBLIC_CACHE_CHANNEL}, ${tags.join(" ")})`;
}

/** For a write that returns its result: `.then(afterPublicChange)` revalidates, then hands the result on. */
export async function afterPublicChange<T>(result: T): Promise<T> {
  await revalidatePublicPages();
  return result;
}
