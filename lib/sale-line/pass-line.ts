import "server-only";
import { sql } from "@/lib/db";
import { isLineTokenOf, lineTokenFor } from "./line-token";
import { noteFront, type SaleLine } from "./schedule";
import { lineSettings } from "./settings";

/**
 * Who holds a place: `user:<id>` (an API token or a session), `guest:<email>` (the API without
 * a token) or `visitor:<id>` (a browser without an account, from its signed cookie). A guest's
 * email is no secret: its place is theirs only with the line token it was given.
 */
export type LineBuyer = { key: string; needsToken: boolean };

export const accountInLine = (userId: string): LineBuyer => ({ key: `user:${userId}`, needsToken: false });
export const guestInLine = (email: string): LineBuyer => ({ key: `guest:${email.trim().toLowerCase().slice(0, 320)}`, needsToken: true });
export const visitorInLine = (key: string): LineBuyer => ({ key, needsToken: false });

export type LinePass = {
  line: SaleLine;
  position: number;
  /** Let through: the buyer may buy now, until `windowEndsAt`. */
  letThrough: boolean;
  /** Waiting (or admitted but not proven the holder: a guest without the line token). */
  ahead: number;
  opensAt: Date;
  windowEndsAt: Date | null;
  /** The place's line token; null when the caller did not prove the place is theirs. */
  token: string | null;
  /** False for a guest whose email already holds a place and who sent no valid token for it. */
  proven: boolean;
  secondsToOpening: number;
  /** About how long until this buyer is let through, at the set pace. */
  estimatedWaitSeconds: number;
  /** When to ask again: about the turn, and well before the place would be passed over. */
  retryAfterSeconds: number;
};

type Answer = {
  position: number | string;
  state: "waiting" | "admitted";
  joined: boolean;
  ahead: number | string;
  admittedAt: string | null;
  opensAt: string;
  admittedThrough: number | string;
  now: string;
};

/**
 * One try to pass the line (SQL `sale_line_pass`: a step of the pace, then the buyer's place,
 * joined, kept or renewed). Every try is also the buyer's sign of life.
 */
export async function passSaleLine(line: SaleLine, buyer: LineBuyer, token?: string | null): Promise<LinePass> {
  const settings = lineSettings();
  const [{ pass }] = await sql<{ pass: Answer }>`
    SELECT sale_line_pass(${line.lineId}::uuid, ${buyer.key}, ${settings.ratePerSecond}::real, ${settings.maxAdmitted}::int,
      make_interval(secs => ${settings.windowSeconds}::int), make_interval(secs => ${settings.expirySeconds}::int)) AS pass`;
  const position = Number(pass.position);
  const ahead = Number(pass.ahead);
  noteFront(line, Number(pass.admittedThrough));
  const proven = !buyer.needsToken || pass.joined || isLineTokenOf(token, line.lineId, position, buyer.key);
  const now = new Date(pass.now).getTime();
  const opensAt = new Date(pass.opensAt);
  const secondsToOpening = Math.max(0, Math.ceil((opensAt.getTime() - now) / 1000));
  const admitted = pass.state === "admitted";
  const estimatedWaitSeconds = admitted ? 0 : secondsToOpening + Math.ceil((ahead + 1) / settings.ratePerSecond);
  // Ask again around the turn, but always well within the expiry, so a waiting buyer who keeps
  // asking as told never loses their place.
  const retryAfterSeconds = Math.min(Math.max(1, estimatedWaitSeconds), Math.max(1, Math.floor(settings.expirySeconds / 3)));
  return {
    line,
    position,
    letThrough: admitted && proven,
    ahead,
    opensAt,
    windowEndsAt: pass.admittedAt ? new Date(new Date(pass.admittedAt).getTime() + settings.windowSeconds * 1000) : null,
    token: proven ? lineTokenFor(line.lineId, position, buyer.key) : null,
    proven,
    secondsToOpening,
    estimatedWaitSeconds,
    retryAfterSeconds,
  };
}

/** The buyer bought: their window's room goes to the next in line. */
export async function markLineBought(line: SaleLine, buyer: LineBuyer): Promise<void> {
  await sql`SELECT sale_line_done(${line.lineId}::uuid, ${buyer.key})`;
}
