// When an offline scan can have happened. Browser-safe (no imports).

/**
 * How far ahead the scanner offers a session (lib/check-in/staff.ts): door staff can open a
 * session's door list, and scan with it, from this long before it starts, never earlier.
 */
export const DOOR_LIST_HORIZON_MS = 14 * 24 * 60 * 60 * 1000;
/** A phone's clock may run a little fast; not further ahead than this. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Between the first moment the scanner could offer the session and a little past now. */
export function isPlausibleScanTime(scannedAt: Date, window: { startsAt: Date; now: Date }): boolean {
  const at = scannedAt.getTime();
  return Number.isFinite(at) && at >= window.startsAt.getTime() - DOOR_LIST_HORIZON_MS && at <= window.now.getTime() + CLOCK_SKEW_MS;
}
