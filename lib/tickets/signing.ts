// Signed ticket codes that a door scanner can check offline, as pretix does: the code
// carries what the door needs (ticket, order, start) and an HMAC-SHA256 over it, so a
// scanner holding the secret knows a code was issued by us without asking the database.
// Pure (node:crypto and lib/ids.ts only, no settings, no database) so a door app can import it as is.
//
// Layout (before base64url):  payload = version(1) | ticket uuid(16) | starts at, unix seconds (uint32 BE)
//                                       | reference length(1) | reference (ASCII)
//                             code    = base64url(payload) "." base64url(HMAC-SHA256(key, payload))
// The HMAC key is derived from the secret for this one purpose, so a secret shared with
// other features (AUTH_SECRET) never signs a ticket code and a ticket code never verifies elsewhere.
import { createHmac, timingSafeEqual } from "node:crypto";
import { isUuid } from "@/lib/ids";

export type TicketCodePayload = {
  ticketId: string;
  orderReference: string;
  /** Start of the session (or booking); whole seconds. */
  startsAt: Date;
};

const VERSION = 1;
const REFERENCE_PATTERN = /^[\x21-\x7e]{1,64}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;
const SIGNATURE_BYTES = 32;
const MAX_CODE_LENGTH = 256;

function signingKey(secret: string): Buffer {
  if (secret.length === 0) throw new Error("A ticket signing secret is required");
  return createHmac("sha256", secret).update("local-tickets:ticket-code:v1").digest();
}

function mac(secret: string, payload: Buffer): Buffer {
  return createHmac("sha256", signingKey(secret)).update(payload).digest();
}

function encodePayload({ ticketId, orderReference, startsAt }: TicketCodePayload): Buffer {
  if (!isUuid(ticketId)) throw new RangeError("ticketId must be a UUID");
  if (!REFERENCE_PATTERN.test(orderReference)) throw new RangeError("orderReference must be 1–64 printable ASCII characters");
  const seconds = Math.floor(startsAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff) throw new RangeError("startsAt is out of range");
  const reference = Buffer.from(orderReference, "ascii");
  const buffer = Buffer.alloc(1 + 16 + 4 + 1 + reference.length);
  buffer.writeUInt8(VERSION, 0);
  Buffer.from(ticketId.replaceAll("-", ""), "hex").copy(buffer, 1);
  buffer.writeUInt32BE(seconds, 17);
  buffer.writeUInt8(reference.length, 21);
  reference.copy(buffer, 22);
  return buffer;
}

function decodePayload(buffer: Buffer): TicketCodePayload | null {
  if (buffer.length < 23 || buffer.readUInt8(0) !== VERSION) return null;
  const referenceLength = buffer.readUInt8(21);
  if (buffer.length !== 22 + referenceLength) return null;
  const orderReference = buffer.subarray(22).toString("ascii");
  if (!REFERENCE_PATTERN.test(orderReference)) return null;
  const hex = buffer.subarray(1, 17).toString("hex");
  const ticketId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { ticketId, orderReference, startsAt: new Date(buffer.readUInt32BE(17) * 1000) };
}

/** Strict base64url: only the canonical, unpadded spelling of some bytes is accepted. */
function decodeBase64Url(text: string): Buffer | null {
  if (!BASE64URL_PATTERN.test(text)) return null;
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : null;
}

/** The code to print in a ticket's QR code. The same ticket and secret always give the same code. */
export function signTicket(payload: TicketCodePayload, secret: string): string {
  const body = encodePayload(payload);
  return `${body.toString("base64url")}.${mac(secret, body).toString("base64url")}`;
}

/** The payload of a genuine code, or null when it is malformed, tampered with or signed with another secret. */
export function verifyTicketCode(code: string, secret: string): TicketCodePayload | null {
  if (typeof code !== "string" || code.length > MAX_CODE_LENGTH) return null;
  const parts = code.trim().split(".");
  if (parts.length !== 2) return null;
  const body = decodeBase64Url(parts[0]);
  const signature = decodeBase64Url(parts[1]);
  if (!body || !signature || signature.length !== SIGNATURE_BYTES) return null;
  if (!timingSafeEqual(signature, mac(secret, body))) return null;
  return decodePayload(body);
}
