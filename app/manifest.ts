import type { MetadataRoute } from "next";

/**
 * The web app manifest: "Add to home screen" opens the attendee's tickets full screen. The
 * service worker (public/sw.js) keeps the order pages opened once available offline.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Local Tickets",
    short_name: "Tickets",
    description: "Your tickets for local events and experiences, offline at the door.",
    start_url: "/account",
    scope: "/",
    display: "standalone",
    background_color: "#fafaf9",
    theme_color: "#c2410c",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
