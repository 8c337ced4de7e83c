import "server-only";
import { createHash, createPrivateKey, createPublicKey, sign, type KeyObject } from "node:crypto";
import { authSecret, env } from "@/lib/env";
import { verifyTicketCode as verifyLegacyTicketCode } from "./signing";
import { decodeTicketCode, encodeTicketPayload, signedMessage, toBase64Url, verifyTicketCode, type TicketCodeFacts } from "./ticket-code";

// PKCS#8 DER of an Ed25519 private key is this fixed prefix followed by the 32-byte seed.
const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** The Ed25519 key from TICKET_SIGNING_KEY: a PKCS#8 PEM or a base64/base64url 32-byte seed. */
export function parseTicketSigningKey(value: string): KeyObject {
  const key = value.includes("BEGIN PRIVATE KEY")
    ? createPrivateKey(value)
    : createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seedBytes(value)]), format: "der", type: "pkcs8" });
  if (key.asymmetricKeyType !== "ed25519") throw new Error("TICKET_SIGNING_KEY must be an Ed25519 key");
  return key;
}

function seedBytes(value: string): Buffer {
  const seed = Buffer.from(value.replaceAll("-", "+").replaceAll("_", "/"), "base64");
  if (seed.length !== 32) throw new Error("TICKET_SIGNING_KEY must be a 32-byte seed in base64");
  return seed;
}

let cached: { source: string; privateKey: KeyObject; publicKey: Uint8Array } | undefined;

/**
 * The key pair that signs ticket codes. Production: TICKET_SIGNING_KEY (required by
 * lib/env.ts). Elsewhere, without it, a key derived from the development AUTH_SECRET: stable
 * across restarts and the same in every process of a test run, never used in production.
 */
function keyPair() {
  const settings = env();
  const source =
    settings.TICKET_SIGNING_KEY ??
    (settings.NODE_ENV === "production"
      ? null
      : createHash("sha256").update(`local-tickets:ticket-signing-key:dev:${authSecret()}`).digest("base64url"));
  if (!source) throw new Error("TICKET_SIGNING_KEY is required in production");
  if (cached?.source !== source) {
    const privateKey = parseTicketSigningKey(source);
    const jwk = createPublicKey(privateKey).export({ format: "jwk" });
    cached = { source, privateKey, publicKey: new Uint8Array(Buffer.from(jwk.x!, "base64url")) };
  }
  return cached;
}

/** The raw 32-byte Ed25519 public key that verifies ticket codes (what scanners hold). */
export function ticketPublicKey(): Uint8Array {
  return keyPair().publicKey;
}

export function ticketPublicKeyBase64Url(): string {
  return toBase64Url(ticketPublicKey());
}

/** The code to print in a ticket's QR code. The same ticket and key always give the same code. */
export function signTicketCode(facts: { ticketId: string; eventId: string; orderReference: string; startsAt: Date }): string {
  const payload = encodeTicketPayload(facts);
  const signature = sign(null, signedMessage(payload), keyPair().privateKey);
  return `${toBase64Url(payload)}.${toBase64Url(new Uint8Array(signature))}`;
}

/**
 * The legacy HMAC secret of version 1 codes (issued before docs/decisions/0008): the setting,
 * or in development the old fallback (AUTH_SECRET). Production without the setting: none,
 * and version 1 codes no longer verify.
 */
function legacyTicketSecret(): string | null {
  const settings = env();
  return settings.TICKET_SIGNING_SECRET ?? (settings.NODE_ENV === "production" ? null : authSecret());
}

/** A genuine code of either version, with its facts; null when it is not one of ours. */
export async function verifyAnyTicketCode(code: string): Promise<(TicketCodeFacts & { version: 1 | 2 }) | null> {
  const decoded = decodeTicketCode(code);
  if (!decoded) return null;
  if (decoded.version === 2) {
    const facts = await verifyTicketCode(code, ticketPublicKey());
    return facts ? { ...facts, version: 2 } : null;
  }
  const secret = legacyTicketSecret();
  const legacy = secret ? verifyLegacyTicketCode(code, secret) : null;
  return legacy ? { ...legacy, eventId: null, version: 1 } : null;
}
