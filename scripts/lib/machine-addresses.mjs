// The addresses this machine answers at, for `npm run dev`: run.ts prints them, and
// next.config.mjs lets Next's dev server serve its own resources (/_next/*, the HMR socket) to
// pages opened at any of them (`allowedDevOrigins`). Next allows only "localhost" by default:
// a page opened at http://127.0.0.1:3000 or at the machine's LAN address loaded its HTML but
// never its scripts' updates, so React never took over (issue 33). Plain JavaScript: the Next
// config imports it without a compiler.
import os from "node:os";

/** Whether an interface address can be typed in a browser's address bar as it is. */
function usable(address) {
  if (address.internal) return false;
  // Link-local IPv6 needs a zone id (fe80::1%eth0) that browsers do not accept in a URL.
  return !(address.family === "IPv6" && address.address.toLowerCase().startsWith("fe80:"));
}

/**
 * Host names (as a URL spells them: IPv6 in brackets, lowercase) at which this machine's dev
 * server is reached: loopback, the machine's name, every LAN address, and APP_URL's host when
 * it names another one (a tunnel, a proxy).
 */
export function machineHostnames({ hostname = os.hostname(), interfaces = os.networkInterfaces(), appUrl = process.env.APP_URL } = {}) {
  const names = new Set(["localhost", "127.0.0.1", "[::1]"]);
  if (hostname) names.add(hostname.toLowerCase());
  for (const addresses of Object.values(interfaces)) {
    for (const address of addresses ?? []) {
      if (usable(address)) names.add(address.family === "IPv6" ? `[${address.address.toLowerCase()}]` : address.address);
    }
  }
  if (appUrl) {
    try {
      names.add(new URL(appUrl).hostname.toLowerCase());
    } catch {
      // lib/env.ts reports a malformed APP_URL.
    }
  }
  return [...names];
}

/** The URLs to open the dev server at, one per address (for run.ts to print). */
export function machineUrls(port, options) {
  return machineHostnames(options).map((host) => `http://${host}:${port}`);
}
