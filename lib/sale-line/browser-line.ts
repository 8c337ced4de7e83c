import "server-only";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { ActionFailure } from "@/lib/actions/action-state";
import { sessionClaimsOf } from "@/lib/auth/session-cookie";
import { sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import type { Buyer } from "@/lib/orders/buyer";
import { childLogger } from "@/lib/log";
import { appUrl } from "@/lib/urls";
import { lineStatusOf, NO_LINE, soldOutStatus } from "./line-answer";
import { newVisitor, VISITOR_COOKIE, visitorKeyOf } from "./line-token";
import { accountInLine, markLineBought, passSaleLine, visitorInLine, type LineBuyer } from "./pass-line";
import { saleLineOf } from "./schedule";
import type { LineStatus } from "./schemas";
import { isSoldOut } from "./stock";

// The line for people in a browser: the event page's panel asks where they stand
// (POST /api/events/{id}/line, which is also their sign of life), and the store's buy forms
// let them buy only at their turn. A signed-in buyer is their account (the same place as
// their API token); anyone else is this browser, by a random id in a signed, httpOnly cookie
// set at the first ask.

const log = childLogger({ module: "sale-line" });
const VISITOR_COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax" as const, path: "/", maxAge: 7 * 24 * 60 * 60 };

/** The cookie to set for a new visitor, as a Set-Cookie value. */
function visitorCookieHeader(value: string): string {
  return `${VISITOR_COOKIE}=${value}; Path=/; Max-Age=${VISITOR_COOKIE_OPTIONS.maxAge}; HttpOnly; SameSite=Lax${appUrl().startsWith("https:") ? "; Secure" : ""}`;
}

function cookieValue(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

/** Where this browser stands in the event's line (joining it at the first ask); the cookie to set for a new visitor. */
export async function lineStatusForBrowser(eventId: string, cookieHeader: string | null): Promise<{ status: LineStatus; setCookie: string | null }> {
  const line = await saleLineOf(eventId);
  if (!line) return { status: NO_LINE, setCookie: null };
  if (isSoldOut(line.eventId)) return { status: soldOutStatus(line.opensAt), setCookie: null };
  const claims = await sessionClaimsOf(cookieHeader);
  let buyer: LineBuyer | null = claims ? accountInLine(claims.userId) : null;
  let setCookie: string | null = null;
  if (!buyer) {
    const known = visitorKeyOf(cookieValue(cookieHeader, VISITOR_COOKIE));
    if (known) buyer = visitorInLine(known);
    else {
      const visitor = newVisitor();
      buyer = visitorInLine(visitor.buyerKey);
      setCookie = visitorCookieHeader(visitor.cookie);
    }
  }
  return { status: lineStatusOf(await passSaleLine(line, buyer)), setCookie };
}

/**
 * A store form's purchase, at the buyer's turn only: for tickets of an event with a line, the
 * buyer (their account, or this browser) must have been let through; sold out is answered
 * from the live figures. `bought` ends the place after a purchase.
 */
export async function takeFormTurn(ticketTypeId: string | undefined, buyer: Buyer): Promise<{ ok: true; bought: () => Promise<void> } | { ok: false; state: ActionFailure }> {
  const pass = { ok: true as const, bought: async () => {} };
  if (!isUuid(ticketTypeId)) return pass;
  const [row] = await sql<{ event_id: string }>`SELECT s.event_id FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id WHERE tt.id = ${ticketTypeId}::uuid`;
  const line = row ? await saleLineOf(row.event_id) : null;
  if (!line) return pass;
  const t = await getTranslations("line");
  if (isSoldOut(line.eventId)) return { ok: false, state: { ok: false, message: t("soldOut") } };
  let inLine: LineBuyer;
  if (buyer.kind === "account") inLine = accountInLine(buyer.userId);
  else {
    const jar = await cookies();
    const known = visitorKeyOf(jar.get(VISITOR_COOKIE)?.value);
    if (known) inLine = visitorInLine(known);
    else {
      const visitor = newVisitor();
      jar.set(VISITOR_COOKIE, visitor.cookie, { ...VISITOR_COOKIE_OPTIONS, secure: appUrl().startsWith("https:") });
      inLine = visitorInLine(visitor.buyerKey);
    }
  }
  const turn = await passSaleLine(line, inLine);
  if (!turn.letThrough) {
    return { ok: false, state: { ok: false, message: t("notYourTurn", { ahead: turn.ahead, minutes: Math.max(1, Math.ceil(turn.estimatedWaitSeconds / 60)) }), retryAfterSeconds: turn.retryAfterSeconds } };
  }
  // The purchase is made whatever happens here: a place not ended runs out with its window.
  return { ok: true, bought: () => markLineBought(line, inLine).catch((error: unknown) => log.warn({ err: error }, "could not end a place in line after a purchase")) };
}
