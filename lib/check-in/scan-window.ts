// When an offline scan can have happened. Browser-safe (no imports).

/** Doors may open hours before a session starts, but not days. */
export const EARLIEST_SCAN_BEFORE_START_MS = 24 * 60 * 60 * 1000;
/** A phone's clock may run a little fast; not further ahead than this. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export function isPlausibleScanTime(scannedAt: Date, window: { startsAt: Date; now: Date }): boolean {
  const at = scannedAt.getTime();
  return Number.isFinite(at) && at >= window.startsAt.getTime() - EARLIEST_SCAN_BEFORE_START_MS && at <= window.now.getTime() + CLOCK_SKEW_MS;
}
