import "server-only";
import { env } from "@/lib/env";

export type LineSettings = {
  /** Buyers let through per second once sales open. */
  ratePerSecond: number;
  /** At most this many admitted buyers with a live window to buy at once. */
  maxAdmitted: number;
  windowSeconds: number;
  /** A waiting place whose buyer has not asked for this long is passed over. */
  expirySeconds: number;
  leadMinutes: number;
  drainMinutes: number;
};

export function lineSettings(): LineSettings {
  const settings = env();
  return {
    ratePerSecond: settings.SALE_LINE_ADMIT_PER_SECOND,
    maxAdmitted: settings.SALE_LINE_MAX_ADMITTED,
    windowSeconds: settings.SALE_LINE_WINDOW_SECONDS,
    expirySeconds: settings.SALE_LINE_EXPIRY_SECONDS,
    leadMinutes: settings.SALE_LINE_LEAD_MINUTES,
    drainMinutes: settings.SALE_LINE_DRAIN_MINUTES,
  };
}
