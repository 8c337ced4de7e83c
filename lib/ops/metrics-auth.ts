import "server-only";
import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** Whether a scrape may read /api/metrics: the token is compared in constant time. */
export function isAuthorizedScraper(authorization: string | null): "ok" | "denied" | "disabled" {
  const token = env().METRICS_TOKEN;
  if (!token) return "disabled";
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(authorization ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected) ? "ok" : "denied";
}
