// Parameters of the RPDE feeds. They use RPDE 1.0's "Incrementing Unique Change Number"
// ordering, so `afterChangeNumber` (and `limit`) are their only parameters.

export const DEFAULT_FEED_LIMIT = 500;
export const MAX_FEED_LIMIT = 500;
/** Any position a JSON number can carry exactly (2^53-1); the OpenActive validator probes with it. */
export const MAX_CHANGE_NUMBER = Number.MAX_SAFE_INTEGER;

export type FeedParams = {
  /** Absent: the first page (from the beginning of time). */
  afterChangeNumber?: number;
  /** Given only when the request gave one; next URLs then carry it on. */
  limit?: number;
};

export type ParsedFeedParams = { ok: true; params: FeedParams } | { ok: false; parameter: string; message: string };

const INTEGER = /^\d{1,16}$/;

export function parseFeedParams(search: URLSearchParams): ParsedFeedParams {
  for (const name of ["afterTimestamp", "afterId"]) {
    if (search.has(name)) {
      return { ok: false, parameter: name, message: "This feed is ordered by change number: page it with afterChangeNumber (follow the next URL)" };
    }
  }
  for (const name of ["afterChangeNumber", "limit"]) {
    if (search.getAll(name).length > 1) return { ok: false, parameter: name, message: `Give ${name} once` };
  }
  const params: FeedParams = {};
  const after = search.get("afterChangeNumber");
  if (after !== null) {
    const value = INTEGER.test(after) ? Number(after) : NaN;
    if (!(value <= MAX_CHANGE_NUMBER)) {
      return { ok: false, parameter: "afterChangeNumber", message: `afterChangeNumber must be a whole number from 0 to ${MAX_CHANGE_NUMBER}` };
    }
    params.afterChangeNumber = value;
  }
  const limit = search.get("limit");
  if (limit !== null) {
    const value = INTEGER.test(limit) ? Number(limit) : NaN;
    if (!(value >= 1 && value <= MAX_FEED_LIMIT)) {
      return { ok: false, parameter: "limit", message: `limit must be a whole number from 1 to ${MAX_FEED_LIMIT}` };
    }
    params.limit = value;
  }
  return { ok: true, params };
}
