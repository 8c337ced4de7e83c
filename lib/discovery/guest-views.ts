import "server-only";
import { cookies } from "next/headers";
import { appUrl } from "@/lib/urls";
import { parseViewHistory, serializeViewHistory, VIEW_HISTORY_COOKIE, withView } from "./view-history";

/** The events this browser looked at on this visit, latest first. */
export async function readGuestViews(): Promise<string[]> {
  return parseViewHistory((await cookies()).get(VIEW_HISTORY_COOKIE)?.value);
}

/** Adds a view to this browser's history (call from a server action). */
export async function rememberGuestView(eventId: string): Promise<void> {
  const jar = await cookies();
  const history = withView(parseViewHistory(jar.get(VIEW_HISTORY_COOKIE)?.value), eventId);
  // A session cookie (no maxAge): "this visit" ends when the browser closes. httpOnly: no
  // script, ours or anyone's, reads it; it only ever travels to this site.
  jar.set(VIEW_HISTORY_COOKIE, serializeViewHistory(history), {
    httpOnly: true,
    sameSite: "lax",
    secure: appUrl().startsWith("https:"),
    path: "/",
  });
}

/** Forgets this browser's history (call from a server action). */
export async function forgetGuestViews(): Promise<void> {
  (await cookies()).delete(VIEW_HISTORY_COOKIE);
}
