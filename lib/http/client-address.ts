// The caller's address, read from the X-Forwarded-For chain that every server process
// completes with the TCP peer (peer-address.ts, beside this file).
import { env } from "@/lib/env";

/** The caller's address for per-address limits (sign-in, sign-up, buying). See clientAddressFromHeaders. */
export function clientAddress(request: Request): string {
  return clientAddressFromHeaders(request.headers);
}

/**
 * The caller's address, from X-Forwarded-For read from the right. Every server process
 * appends the TCP peer's address to X-Forwarded-For before Next sees the request
 * (lib/http/peer-address.ts), and each proxy in front appends the address it saw, so the
 * last entry is the peer and each trusted proxy hop (TRUSTED_PROXY_HOPS) moves one to the
 * left. Entries further left were written by the client and are never trusted: the first
 * entry, which the old rule took, is whatever the caller wants it to be.
 * For server actions, pass `await headers()`.
 */
export function clientAddressFromHeaders(headers: Pick<Headers, "get">, trustedHops = env().TRUSTED_PROXY_HOPS): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Fewer entries than hops: the request did not come through every proxy (or came
  // straight to the app); the leftmost is the best there is.
  const address = chain[chain.length - 1 - trustedHops] ?? chain[0] ?? "unknown";
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "").slice(0, 64);
}
