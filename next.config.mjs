import createNextIntlPlugin from "next-intl/plugin";
import { machineHostnames } from "./scripts/lib/machine-addresses.mjs";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Security headers for every response. Pages get their Content-Security-Policy from proxy.ts,
// with a nonce per response (no 'unsafe-inline' scripts); everything else (the JSON API,
// files, feeds) gets the fixed policy below: it runs no scripts at all.
const isProduction = process.env.NODE_ENV === "production";

const apiContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

// Browsers ignore it over plain http, so `npm start` on localhost is unaffected. Two years,
// subdomains included; not `preload`, which is a separate, hard-to-undo decision.
const strictTransportSecurity = "max-age=63072000; includeSubDomains";

/** @type {import('next').NextConfig} */
/** The pages with the event finder, in every language (the same paths prefixed, English unprefixed too). */
const NEAR_ME_PAGES = ["/", "/search", "/:locale(en|pt|es|ca|de)", "/:locale(en|pt|es|ca|de)/search"];

const nextConfig = {
  // The Dockerfile builds with NEXT_OUTPUT=standalone and ships .next/standalone;
  // `npm start` keeps the regular output that `next start` serves.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  poweredByHeader: false,
  // `npm run dev` opened at any address of this machine (127.0.0.1, its name, its LAN address)
  // gets the dev server's scripts and live updates, not only at localhost (issue 33).
  allowedDevOrigins: machineHostnames(),
  // Admin image uploads go through a server action (the form allows up to 5 MB). Keep equal to
  // SERVER_ACTION_BODY_LIMIT in lib/http/action-request-guard.ts (proxy.ts answers 413 above it).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  typedRoutes: false,
  images: {
    formats: ["image/avif", "image/webp"],
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(isProduction ? [{ key: "Strict-Transport-Security", value: strictTransportSecurity }] : []),
        ],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }] },
      // The door scanner reads QR codes with the camera: this page, and only this page, may ask for it.
      { source: "/check-in", headers: [{ key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" }] },
      // "Near me" (the event finder on the home and search pages) may ask for the position, only
      // when pressed (components/near-me-button.tsx); no other page may.
      ...NEAR_ME_PAGES.map((source) => ({ source, headers: [{ key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self)" }] })),
    ];
  },
};

export default withNextIntl(nextConfig);
