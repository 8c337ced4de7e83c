// Where Auth.js sends the browser after signing in, up or out. Always a path, never an
// absolute URL: Auth.js's default builds one on its base URL (AUTH_URL, which the start
// script sets to APP_URL or http://localhost:<port>), so a browser that opened the app at
// 127.0.0.1, or at a LAN address, would be sent to localhost, where its session cookie
// (set on the host it used) does not apply. A path keeps the browser on the origin it is on.
import { sameOriginPath } from "@/lib/urls";

export function sameOriginRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return "/";
  }
  if (url.startsWith("/")) return sameOriginPath(url, origin) ?? "/";
  try {
    const target = new URL(url);
    // An absolute URL is kept (as a path) only when it points at the app itself.
    if (target.origin === origin) return sameOriginPath(`${target.pathname}${target.search}${target.hash}`, origin) ?? "/";
  } catch {
    // Not a URL: fall through to the home page.
  }
  return "/";
}
