import { env } from "./env";

/** The public base URL: APP_URL when set, else the origin the request came in on. */
export function appUrl(request?: Request): string {
  const configured = env().APP_URL;
  if (configured) return configured.replace(/\/$/, "");
  return request ? new URL(request.url).origin : "http://localhost:3000";
}

// Any origin works for resolving a path: what matters is that the result keeps it.
const PATH_BASE = "http://app.invalid";
// Browsers drop tabs and newlines from URLs and read a backslash as a slash ("/\t/x" and
// "/\x" both mean "//x", another site), and a newline would break the Location header:
// a return path never needs any of them.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * A same-origin path, as the URL parser reads `value` against `origin`, or null. Only a
 * path is accepted (it starts with one "/"); the answer is the parser's own serialisation
 * (dot segments resolved), and never starts with "//", which a browser would read as a host.
 */
export function sameOriginPath(value: string, origin = PATH_BASE): string | null {
  if (!value.startsWith("/") || UNSAFE_CHARACTERS.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? null : path;
}

/** Only same-site paths are allowed as post-sign-in destinations (no open redirects). */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string") return fallback;
  return sameOriginPath(value) ?? fallback;
}
