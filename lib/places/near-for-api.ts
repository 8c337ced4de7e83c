import "server-only";
import { parseNearFilter, type NearFilter } from "./near-filter";
import { resolvePlace } from "./resolve-place";

/**
 * The JSON API's near filter (`lat`+`lng`, or `place`, and `radius`): as the search page reads
 * it, but strict, as the API is: a bad value, or a place we list nothing in, is a 400 naming the
 * parameter instead of being left out.
 */
export async function nearForApi(params: URLSearchParams): Promise<{ ok: true; near?: NearFilter } | { ok: false; parameter: string; message: string }> {
  const parsed = parseNearFilter(params);
  if (!parsed.ok) return { ok: false, parameter: parsed.parameter, message: parsed.message };
  const near = parsed.near;
  if (!near) return { ok: true };
  if (near.place !== undefined && !near.from) {
    const resolved = await resolvePlace(near.place);
    if (!resolved) return { ok: false, parameter: "place", message: "No city, neighbourhood or venue we list is called that" };
    return { ok: true, near: { ...near, from: resolved.from } };
  }
  return { ok: true, near };
}
