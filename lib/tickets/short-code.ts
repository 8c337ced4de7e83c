// A ticket's short code (issue 33): what a person reads under the QR and types at the door
// when the camera cannot read it. 10 characters from an alphabet without look-alikes (no 0/O,
// 1/I/L, U), made by PostgreSQL when the ticket is issued (prisma/functions/
// new_ticket_short_code.sql spells the same alphabet). It is not signed: it is only a key into
// the tickets table (online) or the synced door list (offline); the QR keeps the signed code.
// Pure and browser-safe: the scanner runs it too.

export const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SHORT_CODE_LENGTH = 10;
const SHORT_CODE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/**
 * The stored spelling of a typed short code, or null when `text` is not one. Case, spaces and
 * hyphens do not matter ("k7qmr 3xt9p", "K7QMR-3XT9P"); a signed QR code is never one (it has
 * a dot and is 100+ characters long).
 */
export function normaliseShortCode(text: string): string | null {
  if (typeof text !== "string" || text.length > 40) return null;
  const code = text.replace(/[\s-]+/g, "").toUpperCase();
  return SHORT_CODE.test(code) ? code : null;
}

/** As printed and shown: two groups of five, "K7QMR-3XT9P". */
export function formatShortCode(code: string): string {
  return code.length === SHORT_CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}
