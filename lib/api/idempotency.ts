import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { problemResponse } from "@/lib/http/problem";

// Idempotency-Key, as Stripe's API has it: the same key from the same user with the same
// request gets the first answer back and never does the work twice. Keys live 24 hours
// (`request_key_lifetime()` in SQL, the same lifetime as the key kept on the order it made).
//
// The race: two requests with one key arrive together. The key row is INSERTed first, in its
// own statement (ON CONFLICT DO NOTHING): PostgreSQL lets exactly one of them insert, the
// other sees the row and answers 409 "in flight" (or the stored answer once there is one).
// The claim commits before the purchase starts, so no connection is held idle across the
// purchase transaction (a pool of 20 serving 300 buyers would otherwise starve).

export const IDEMPOTENCY_HEADER = "idempotency-key";
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
/**
 * A claim with no answer after this long belongs to a request that died (a purchase takes
 * seconds; its statements give up after the statement timeout): the key may be claimed again,
 * so a buyer whose request was lost to a crash is not locked out of their own key. Taking it
 * over early is safe: the purchase itself is keyed (orders.request_key, order_place), so a
 * second run of the work finds the order the first one made instead of buying twice.
 */
const ABANDONED_AFTER_SECONDS = 30;
const ABANDONED_AFTER = `${ABANDONED_AFTER_SECONDS} seconds`;
const IN_FLIGHT_RETRY_SECONDS = 1;

/** `replayed` (not kept): the work itself found it had been done before (a purchase's request key). */
export type StoredAnswer = { status: number; body: unknown; replayed?: boolean };

export type Claim =
  | { kind: "claimed"; userId: string; key: string }
  | { kind: "replay"; answer: StoredAnswer }
  | { kind: "refused"; response: Response };

/** The key from the request headers: null when absent, a 400 problem when malformed. */
export function idempotencyKeyOf(request: Request): { ok: true; key: string | null } | { ok: false; response: Response } {
  const key = request.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return { ok: true, key: null };
  if (!KEY_SHAPE.test(key)) {
    return {
      ok: false,
      response: problemResponse("malformed_request", {
        detail: "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces, e.g. a UUID.",
        errors: [{ pointer: "Idempotency-Key", detail: "Malformed header" }],
      }),
    };
  }
  return { ok: true, key };
}

/** JSON with object keys sorted, so `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` are one request. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function requestHash(method: string, path: string, body: unknown): string {
  return createHash("sha256").update(`${method.toUpperCase()} ${path}\n${canonicalJson(body)}`).digest("hex");
}

/**
 * Claims `key` for this request, or says what to answer instead: the stored first answer
 * (replay), 422 when the key was used for a different request, 409 while the first request
 * is still in flight. An expired (24 h) or abandoned claim is taken over in the same statement.
 */
export async function claimIdempotencyKey(options: { userId: string; key: string; requestHash: string }): Promise<Claim> {
  const { userId, key, requestHash: hash } = options;
  if (Math.random() < 0.01) await pruneIdempotencyKeys();
  const claimed = await prisma.$queryRaw<{ key: string }[]>`
    INSERT INTO idempotency_keys (user_id, key, request_hash)
    VALUES (${userId}::uuid, ${key}, ${hash})
    ON CONFLICT (user_id, key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, response_status = NULL, response_body = NULL, created_at = now()
     WHERE idempotency_keys.created_at < now() - request_key_lifetime()
        OR (idempotency_keys.response_status IS NULL
            AND idempotency_keys.request_hash = EXCLUDED.request_hash
            AND idempotency_keys.created_at < now() - ${ABANDONED_AFTER}::interval)
    RETURNING key`;
  if (claimed.length > 0) return { kind: "claimed", userId, key };

  const [existing] = await prisma.$queryRaw<{ request_hash: string; response_status: number | null; response_body: unknown; age_seconds: number }[]>`
    SELECT request_hash, response_status, response_body, extract(epoch FROM now() - created_at)::float8 AS age_seconds
      FROM idempotency_keys WHERE user_id = ${userId}::uuid AND key = ${key}`;
  // Gone between the two statements (released after a failure): the caller may simply retry.
  if (!existing) return { kind: "refused", response: inFlight() };
  if (existing.request_hash !== hash) {
    return {
      kind: "refused",
      response: problemResponse("idempotency_key_reused", {
        detail: "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
        errors: [{ pointer: "Idempotency-Key", detail: "Used for another request" }],
      }),
    };
  }
  if (existing.response_status === null) return { kind: "refused", response: inFlight(existing.age_seconds) };
  return { kind: "replay", answer: { status: existing.response_status, body: existing.response_body } };
}

/**
 * A young claim is answered "retry in a second" (its request is most likely finishing); one
 * that has waited longer may belong to a request that died, so the wait asked for runs to the
 * moment the claim can be taken over, not a second at a time.
 */
function inFlight(ageSeconds = 0): Response {
  const untilTakeover = Math.ceil(ABANDONED_AFTER_SECONDS - ageSeconds);
  return problemResponse("idempotency_in_flight", {
    detail: "The first request with this Idempotency-Key is still being processed. Retry shortly to get its answer.",
    retryAfterSeconds: ageSeconds < 5 ? IN_FLIGHT_RETRY_SECONDS : Math.max(IN_FLIGHT_RETRY_SECONDS, untilTakeover),
  });
}

/** Stores the first answer; every later request with the key gets it back. */
export async function saveIdempotentAnswer(claim: { userId: string; key: string }, answer: StoredAnswer): Promise<void> {
  await prisma.$executeRaw`
    UPDATE idempotency_keys SET response_status = ${answer.status}, response_body = ${JSON.stringify(answer.body)}::jsonb
     WHERE user_id = ${claim.userId}::uuid AND key = ${claim.key}`;
}

/**
 * Gives the key back when the work did not happen (rate limited, or failed before anything
 * was written), so that a retry with the same key is a fresh attempt.
 */
export async function releaseIdempotencyKey(claim: { userId: string; key: string }): Promise<void> {
  await prisma.idempotencyKey.deleteMany({ where: { userId: claim.userId, key: claim.key, responseStatus: null } });
}

/** Deletes keys older than the retention; called now and then by claims (cheap: indexed). */
export async function pruneIdempotencyKeys(): Promise<number> {
  return prisma.$executeRaw`DELETE FROM idempotency_keys WHERE created_at < now() - request_key_lifetime()`;
}

export type IdempotentOutcome = { kind: "answer"; answer: StoredAnswer; replayed: boolean } | { kind: "response"; response: Response };

/**
 * Runs `work` at most once per (user, key): claim → `gate` (e.g. a rate limit; a Response
 * from it is answered and the key given back) → work → store the answer. Without a key the
 * gate and the work simply run. If the work throws, the key is given back and the error
 * rethrown: the purchase is one transaction, so either nothing was written, or (the connection
 * was lost after the commit) the order carries the key and a retry gets that order back.
 */
/**
 * Whose keys a guest's purchase is kept under (no account, so no user id): a UUID named by the
 * buyer's email (RFC 9562 name-based, SHA-256 truncated), so a guest's retries find their first
 * answer and nobody else's. Account ids are random (version 4) and never collide with these.
 */
export function guestIdempotencyOwner(email: string): string {
  const hex = createHash("sha256").update(`local-tickets:guest-idempotency:${email.toLowerCase()}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export async function runIdempotently(options: {
  userId: string;
  key: string | null;
  requestHash: string;
  gate?: () => Promise<Response | null>;
  work: () => Promise<StoredAnswer>;
}): Promise<IdempotentOutcome> {
  if (options.key === null) {
    const refused = await options.gate?.();
    if (refused) return { kind: "response", response: refused };
    return { kind: "answer", answer: await options.work(), replayed: false };
  }
  const claim = await claimIdempotencyKey({ userId: options.userId, key: options.key, requestHash: options.requestHash });
  if (claim.kind === "refused") return { kind: "response", response: claim.response };
  if (claim.kind === "replay") return { kind: "answer", answer: claim.answer, replayed: true };
  let answer: StoredAnswer;
  try {
    const refused = await options.gate?.();
    if (refused) {
      await releaseIdempotencyKey(claim);
      return { kind: "response", response: refused };
    }
    answer = await options.work();
  } catch (error) {
    await releaseIdempotencyKey(claim).catch(() => {});
    throw error;
  }
  try {
    await saveIdempotentAnswer(claim, answer);
  } catch (error) {
    // The work is done but its answer could not be kept (the connection went): give the key
    // back, so the client's retry runs the work again at once and the purchase, keyed by the
    // same key (orders.request_key), answers with the order it made rather than a new one.
    await releaseIdempotencyKey(claim).catch(() => {});
    throw error;
  }
  return { kind: "answer", answer, replayed: false };
}
