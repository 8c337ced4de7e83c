export type PageSearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams object as URLSearchParams (first value of repeated keys kept in order). */
export function toSearchParams(params: PageSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((item) => out.append(key, item));
    else if (value !== undefined) out.append(key, value);
  }
  return out;
}

/** The first value of one of Next's search params (`?a=1&a=2` gives "1"), or undefined. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
