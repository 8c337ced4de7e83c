import { randomBytes } from "node:crypto";

// Crockford base32: no I, L, O, U, so references read aloud and typed from paper survive.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

function base32(bytes: Buffer, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % 32];
  return out;
}

/** Short human order reference, e.g. `LT-7K2M9QXD` (40 random bits). */
export function newOrderReference(): string {
  return `LT-${base32(randomBytes(8), 8)}`;
}

/** Unguessable ticket code (160 random bits). */
export function newTicketCode(): string {
  return randomBytes(20).toString("base64url");
}
