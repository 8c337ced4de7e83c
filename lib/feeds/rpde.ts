// What every RPDE 1.0 feed of this app shares: the page shape, the licence, cache rules and
// `next` URLs. Pure: no database here.

export const FEED_LICENSE = "https://creativecommons.org/licenses/by/4.0/";

/** Cache-Control the OpenActive validator expects: long for full pages, short for the last. */
export const FEED_CACHE_CONTROL = { page: "public, max-age=3600", lastPage: "public, max-age=8" } as const;

export type RpdeItem<Kind extends string = string> =
  | { state: "updated"; kind: Kind; id: string; modified: number; data: Record<string, unknown> }
  | { state: "deleted"; kind: Kind; id: string; modified: number };

export type RpdePage<Kind extends string = string> = { next: string; items: RpdeItem<Kind>[]; license: string };

export function feedNextUrl(baseUrl: string, path: string, afterChangeNumber: number, limit?: number): string {
  const query = new URLSearchParams({ afterChangeNumber: String(afterChangeNumber) });
  if (limit !== undefined) query.set("limit", String(limit));
  return `${baseUrl}${path}?${query}`;
}

/**
 * The page for items produced by ONE query: `next` comes from its last item (RPDE: never a
 * second query), or is this page's own URL when there are none (the last page).
 */
export function rpdePage<Kind extends string>(options: {
  items: RpdeItem<Kind>[];
  baseUrl: string;
  path: string;
  currentUrl: string;
  limit?: number;
}): RpdePage<Kind> {
  const last = options.items.at(-1);
  return {
    next: last ? feedNextUrl(options.baseUrl, options.path, last.modified, options.limit) : `${options.baseUrl}${options.currentUrl}`,
    items: options.items,
    license: FEED_LICENSE,
  };
}
