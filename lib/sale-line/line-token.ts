import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

// Proofs that a place in line belongs to whoever shows them, checked without the database.
// A line token is `<position>.<mac>`, the MAC over the line, the position and the buyer's key
// (`user:<id>`, `guest:<email>`): shown by another buyer, or for another position, it proves
// nothing, so a place cannot be traded or made up. It matters where the buyer's key alone
// proves nothing (a guest's email is no secret); an account's token or session already does.
// A browser without an account is a visitor: its key is a random id in a signed, httpOnly
// cookie (`<id>.<mac>`). Keys derived from AUTH_SECRET for this purpose only.

const TOKEN = /^([1-9]\d{0,15})\.([A-Za-z0-9_-]{22})$/;
const VISITOR = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

function mac(purpose: string, ...parts: string[]): string {
  return createHmac("sha256", `sale-line:${purpose}:${authSecret()}`).update(parts.join("\n")).digest("base64url").slice(0, 22);
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function lineTokenFor(lineId: string, position: number, buyerKey: string): string {
  return `${position}.${mac("token", lineId, String(position), buyerKey)}`;
}

/** The position a token claims (its shape only: whether it is the holder's is `isLineTokenOf`). */
export function claimedPosition(token: string | null | undefined): number | null {
  const match = token ? TOKEN.exec(token.trim()) : null;
  return match ? Number(match[1]) : null;
}

export function isLineTokenOf(token: string | null | undefined, lineId: string, position: number, buyerKey: string): boolean {
  const match = token ? TOKEN.exec(token.trim()) : null;
  return match !== null && Number(match[1]) === position && same(match[2], mac("token", lineId, match[1], buyerKey));
}

export const VISITOR_COOKIE = "lt_line_visitor";

/** A new visitor: the cookie's value and the buyer key it stands for. */
export function newVisitor(): { cookie: string; buyerKey: string } {
  const id = randomBytes(16).toString("base64url");
  return { cookie: `${id}.${mac("visitor", id)}`, buyerKey: `visitor:${id}` };
}

/** The buyer key of a visitor cookie that we signed; null for anything else. */
export function visitorKeyOf(cookie: string | null | undefined): string | null {
  const match = cookie ? VISITOR.exec(cookie.trim()) : null;
  return match && same(match[2], mac("visitor", match[1])) ? `visitor:${match[1]}` : null;
}
