// Random voucher codes people read aloud and type from paper: no letters that look alike
// (no I, L, O, nor 0 and 1). 31 symbols, 10 of them: about 8·10^14 codes, so a batch of 5,000
// rarely meets an existing code (the INSERT skips one that does, and draws again).
import { getRandomValues } from "node:crypto";

export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const RANDOM_CODE_LENGTH = 10;

/** `length` symbols of CODE_ALPHABET, uniformly (bytes at or above 248 are drawn again, 248 = 8 × 31). */
export function randomCode(prefix = "", length = RANDOM_CODE_LENGTH): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = prefix;
  while (code.length < prefix.length + length) {
    for (const byte of getRandomValues(new Uint8Array(length * 2))) {
      if (byte >= limit) continue;
      code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
      if (code.length === prefix.length + length) break;
    }
  }
  return code;
}

/** `count` distinct codes, none in `taken`. */
export function randomCodes(count: number, prefix = "", taken: ReadonlySet<string> = new Set()): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const code = randomCode(prefix);
    if (!taken.has(code)) codes.add(code);
  }
  return [...codes];
}
