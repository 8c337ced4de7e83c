import { signOut } from "@/lib/auth";
import { CLEAR_SITE_DATA } from "@/lib/auth/sign-out-headers";

// The header's sign-out form posts here (a cross-site POST is refused by proxy.ts first).
// Every session of the user ends, and the browser is told to drop what it kept for offline
// use: the order pages with their QR codes, the door scanner's lists (issue 26).
export async function POST(): Promise<Response> {
  await signOut();
  return new Response(null, { status: 303, headers: { location: "/", "clear-site-data": CLEAR_SITE_DATA, "cache-control": "no-store" } });
}
