// The ticket code in a QR, version 2: signed with Ed25519 (docs/decisions/0008). Only the web
// tier holds the private key (lib/tickets/keys.ts signs); anyone with the public key can check
// a code, so a door scanner, online or offline, verifies tickets without holding anything that
// could mint one. Pure and browser-safe (no node:*, no Buffer, no settings): the scanner page
// and the server run this same file.
//
// Layout (before base64url):  payload = version 2 (1) | ticket uuid (16) | event uuid (16)
//                                       | starts at, unix seconds (uint32 BE) | reference length (1) | reference (ASCII)
//                             code    = base64url(payload) "." base64url(Ed25519(key, CONTEXT | payload))
// The signature covers a context string first, so a signature made for anything else with
// the same key never verifies as a ticket. Version 1 codes (HMAC, lib/tickets/signing.ts)
// carry no event id; decodeTicketCode reads both so the scanner can tell them apart.
import { verifyAsync } from "@noble/ed25519";
import { isUuid } from "@/lib/ids";

export type TicketCodeFacts = {
  ticketId: string;
  /** The event the ticket is for (null in a version 1 code). */
  eventId: string | null;
  orderReference: string;
  /** Start of the session (or booking); whole seconds. */
  startsAt: Date;
};

export type DecodedTicketCode = TicketCodeFacts & { version: 1 | 2; body: Uint8Array; signature: Uint8Array };

export const TICKET_CODE_VERSION = 2;
/** For API clients: how to read and check a code with the public key. */
export const TICKET_CODE_FORMAT =
  'base64url(payload) "." base64url(signature); payload = 0x02 | ticket uuid (16 bytes) | event uuid (16) | session start, unix seconds (uint32 BE) | reference length (1) | order reference (ASCII); signature = Ed25519 over "local-tickets:ticket-code:v2\\0" followed by the payload';
const CONTEXT = new TextEncoder().encode("local-tickets:ticket-code:v2\0");
const REFERENCE_PATTERN = /^[\x21-\x7e]{1,64}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;
const MAX_CODE_LENGTH = 256;
const SIGNATURE_BYTES = { 1: 32, 2: 64 } as const;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function toBase64Url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [ALPHABET[(n >> 18) & 63], ALPHABET[(n >> 12) & 63], ALPHABET[(n >> 6) & 63], ALPHABET[n & 63]];
    out += chars.slice(0, Math.min(4, bytes.length - i + 1)).join("");
  }
  return out;
}

/** Strict base64url: only the canonical, unpadded spelling of some bytes is accepted. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!BASE64URL_PATTERN.test(text) || text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    value = (value << 6) | ALPHABET.indexOf(char);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (value >> bits) & 0xff;
    }
  }
  // Leftover bits must be zero, else two spellings would decode to the same bytes.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return bytes;
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replaceAll("-", "");
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

function uuidText(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The bytes a version 2 code signs: refuses what it could not read back. */
export function encodeTicketPayload(facts: { ticketId: string; eventId: string; orderReference: string; startsAt: Date }): Uint8Array {
  if (!isUuid(facts.ticketId)) throw new RangeError("ticketId must be a UUID");
  if (!isUuid(facts.eventId)) throw new RangeError("eventId must be a UUID");
  if (!REFERENCE_PATTERN.test(facts.orderReference)) throw new RangeError("orderReference must be 1–64 printable ASCII characters");
  const seconds = Math.floor(facts.startsAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff) throw new RangeError("startsAt is out of range");
  const reference = new TextEncoder().encode(facts.orderReference);
  const bytes = new Uint8Array(1 + 16 + 16 + 4 + 1 + reference.length);
  const view = new DataView(bytes.buffer);
  bytes[0] = TICKET_CODE_VERSION;
  bytes.set(uuidBytes(facts.ticketId), 1);
  bytes.set(uuidBytes(facts.eventId), 17);
  view.setUint32(33, seconds);
  bytes[37] = reference.length;
  bytes.set(reference, 38);
  return bytes;
}

/** What a version 2 signature covers: the context, then the payload. */
export function signedMessage(payload: Uint8Array): Uint8Array {
  const message = new Uint8Array(CONTEXT.length + payload.length);
  message.set(CONTEXT);
  message.set(payload, CONTEXT.length);
  return message;
}

function decodePayload(body: Uint8Array): (TicketCodeFacts & { version: 1 | 2 }) | null {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const version = body[0];
  // v1: version | ticket (16) | seconds (4) | length | reference;  v2 adds the event (16) after the ticket.
  const eventBytes = version === 2 ? 16 : version === 1 ? 0 : -1;
  if (eventBytes < 0) return null;
  const lengthAt = 1 + 16 + eventBytes + 4;
  if (body.length < lengthAt + 2) return null;
  const referenceLength = body[lengthAt];
  if (body.length !== lengthAt + 1 + referenceLength) return null;
  const orderReference = new TextDecoder().decode(body.subarray(lengthAt + 1));
  if (!REFERENCE_PATTERN.test(orderReference)) return null;
  return {
    version: version as 1 | 2,
    ticketId: uuidText(body.subarray(1, 17)),
    eventId: eventBytes ? uuidText(body.subarray(17, 33)) : null,
    startsAt: new Date(view.getUint32(17 + eventBytes) * 1000),
    orderReference,
  };
}

/** The parts of a well-formed code (version 1 or 2), signature NOT checked; null when malformed. */
export function decodeTicketCode(code: string): DecodedTicketCode | null {
  if (typeof code !== "string") return null;
  const text = code.trim();
  if (text.length > MAX_CODE_LENGTH) return null;
  const parts = text.split(".");
  if (parts.length !== 2) return null;
  const body = fromBase64Url(parts[0]);
  const signature = fromBase64Url(parts[1]);
  if (!body || !signature || body.length === 0) return null;
  const facts = decodePayload(body);
  if (!facts || signature.length !== SIGNATURE_BYTES[facts.version]) return null;
  return { ...facts, body, signature };
}

/**
 * The facts of a genuine version 2 code, or null when it is malformed, tampered with, signed
 * with another key, or a version 1 code (those need the legacy secret: lib/tickets/keys.ts).
 */
export async function verifyTicketCode(code: string, publicKey: Uint8Array): Promise<TicketCodeFacts | null> {
  const decoded = decodeTicketCode(code);
  if (!decoded || decoded.version !== 2 || publicKey.length !== 32) return null;
  try {
    const genuine = await verifyAsync(decoded.signature, signedMessage(decoded.body), publicKey);
    if (!genuine) return null;
  } catch {
    return null;
  }
  const { ticketId, eventId, orderReference, startsAt } = decoded;
  return { ticketId, eventId, orderReference, startsAt };
}
