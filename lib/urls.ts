import { env } from "./env";

/** The public base URL: APP_URL when set, else the origin the request came in on. */
export function appUrl(request?: Request): string {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/$/, "");
  return request ? new URL(request.url).origin : "http://localhost:3000";
}

/** Only same-site paths are allowed as post-sign-in destinations (no open redirects). */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
