// "Near me" and "near a place" in the URL: `lat`, `lng` (the visitor's position, sent only
// when they press "Near me"), `place` (a typed place, resolved against our own venues and
// cities: there is no external geocoder) and `radius` (5, 25 or 100 km; absent: any
// distance, nearest first). Pure and browser-safe: the finder and the pages share it.
//
// Parsed apart from the other filters on purpose: a wrong `lat` is told and ignored, while
// the text, date and price filters of the same URL still apply.

export const RADII_KM = [5, 25, 100] as const;
export type RadiusKm = (typeof RADII_KM)[number];
/**
 * Without `radius`, "near" means within the widest distance, nearest first: every near query
 * then starts from the venues inside a box the GiST index finds, never from all events
 * (sorting all 10,000 by distance measured ~45 ms, bench/near.ts; within 100 km ~10 ms).
 */
export const DEFAULT_RADIUS_KM: RadiusKm = 100;
export const MAX_PLACE_LENGTH = 80;

export type NearFilter = {
  /** Where distances are measured from: the visitor's position, or the typed place once resolved. */
  lat?: number;
  lng?: number;
  /** The typed place (kept in the URL as typed; resolved per request). */
  place?: string;
  /** Absent: DEFAULT_RADIUS_KM. */
  radiusKm?: RadiusKm;
  /**
   * The point distances are measured from, once known: `lat`/`lng` as sent, or the typed
   * place resolved (lib/places/resolve-place.ts). Never written into a URL.
   */
  from?: GeoPoint;
};

export type NearProblemReason = "badLatitude" | "badLongitude" | "pairNeeded" | "badRadius" | "radiusWithoutPlace" | "placeTooLong";

export type ParseNearResult = { ok: true; near: NearFilter | undefined } | { ok: false; parameter: string; reason: NearProblemReason; message: string };

const MESSAGES: Record<NearProblemReason, string> = {
  badLatitude: "Use a latitude between -90 and 90, like 38.7223",
  badLongitude: "Use a longitude between -180 and 180, like -9.1393",
  pairNeeded: "Send lat and lng together",
  badRadius: "Choose a distance of 5, 25 or 100 km",
  radiusWithoutPlace: "A distance needs a place: press Near me or type a place",
  placeTooLong: `Use at most ${MAX_PLACE_LENGTH} characters for the place`,
};

// A plain decimal: no exponent, no hex, no "Infinity", at most 7 decimals (about a centimetre).
const DECIMAL = /^-?\d{1,3}(\.\d{1,7})?$/;

function problem(parameter: string, reason: NearProblemReason): ParseNearResult {
  return { ok: false, parameter, reason, message: MESSAGES[reason] };
}

function blank(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function coordinate(value: string, limit: number): number | null {
  if (!DECIMAL.test(value)) return null;
  const number = Number(value);
  return Math.abs(number) <= limit ? number : null;
}

export function parseNearFilter(params: URLSearchParams): ParseNearResult {
  const rawLat = blank(params.get("lat"));
  const rawLng = blank(params.get("lng"));
  const rawRadius = blank(params.get("radius"));
  const place = blank(params.get("place"))?.replace(/\p{Cc}/gu, " ").replace(/\s+/g, " ").trim();

  if ((rawLat === undefined) !== (rawLng === undefined)) return problem(rawLat === undefined ? "lat" : "lng", "pairNeeded");
  const near: NearFilter = {};
  if (rawLat !== undefined && rawLng !== undefined) {
    const lat = coordinate(rawLat, 90);
    if (lat === null) return problem("lat", "badLatitude");
    const lng = coordinate(rawLng, 180);
    if (lng === null) return problem("lng", "badLongitude");
    near.lat = lat;
    near.lng = lng;
    near.from = { lat, lng };
  }
  if (place !== undefined) {
    if (Array.from(place).length > MAX_PLACE_LENGTH) return problem("place", "placeTooLong");
    near.place = place;
  }
  if (rawRadius !== undefined) {
    const radius = Number(rawRadius);
    if (!/^\d{1,3}$/.test(rawRadius) || !(RADII_KM as readonly number[]).includes(radius)) return problem("radius", "badRadius");
    if (near.lat === undefined && near.place === undefined) return problem("radius", "radiusWithoutPlace");
    near.radiusKm = radius as RadiusKm;
  }
  return { ok: true, near: near.lat !== undefined || near.place !== undefined ? near : undefined };
}

/** The near filter's URL parameters, in a stable order (position first, then the place's name, then the distance). */
export function nearToEntries(near: NearFilter | undefined): [string, string][] {
  if (!near) return [];
  const entries: [string, string][] = [];
  if (near.lat !== undefined && near.lng !== undefined) entries.push(["lat", String(near.lat)], ["lng", String(near.lng)]);
  if (near.place) entries.push(["place", near.place]);
  if (near.radiusKm !== undefined) entries.push(["radius", String(near.radiusKm)]);
  return entries;
}

/**
 * A position from the browser, rounded to 3 decimals (about 100 m) before it goes into a URL:
 * enough to sort by distance, not enough to find a front door in a shared link or a log.
 */
export function roundedPosition(lat: number, lng: number): { lat: number; lng: number } {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { lat: round(lat), lng: round(lng) };
}

/** A point on the Earth: the resolved centre of a near filter. */
export type GeoPoint = { lat: number; lng: number };
