// The scanner's own judgement when it has no connection. Browser-safe (runs in the scanner
// page and in tests): the signature is checked with the public key from the door list, the
// list says who the ticket is for and whether it was voided, refunded or already used by the
// last sync, and `admittedHere` holds what this scanner admitted since. What it admits is
// queued and uploaded later (lib/check-in/upload-scans.ts), where a double admission at two
// doors becomes a conflict for the admin.
import { normaliseShortCode } from "@/lib/tickets/short-code";
import { decodeTicketCode, fromBase64Url, verifyTicketCode } from "@/lib/tickets/ticket-code";
import type { DoorList, DoorListTicket } from "./door-list";
import type { CheckInFacts, Verdict } from "./verdict";

export type LocalAdmission = CheckInFacts & { ticketId: string };

export async function offlineVerdict(options: {
  list: DoorList;
  code: string;
  /** Admissions this scanner made since the list was synced, by ticket id. */
  admittedHere: ReadonlyMap<string, LocalAdmission>;
  door: string;
  by: string;
  now: Date;
  newId: () => string;
}): Promise<Verdict> {
  const { list, code, admittedHere, door, by, now } = options;
  const shortCode = normaliseShortCode(code);
  if (shortCode) {
    // A typed short code is not signed: offline, only a ticket on the synced list is known by it
    // (one sold after the sync is not; its QR still verifies with the key alone).
    const listed = list.tickets.find((ticket) => ticket.shortCode === shortCode);
    return listed ? listedVerdict(listed, options) : { result: "rejected", reason: "not_valid", ticket: null };
  }
  const decoded = decodeTicketCode(code);
  if (!decoded) return { result: "rejected", reason: "not_valid", ticket: null };
  const listed = list.tickets.find((ticket) => ticket.id === decoded.ticketId && ticket.orderReference === decoded.orderReference);
  if (decoded.version === 2) {
    const publicKey = fromBase64Url(list.publicKey);
    if (!publicKey || !(await verifyTicketCode(code, publicKey))) return { result: "rejected", reason: "not_valid", ticket: null };
  } else if (!listed) {
    // A version 1 (HMAC) code cannot be checked without the secret, which scanners never
    // hold: offline, only a ticket the server listed for this door is taken on its word.
    return { result: "rejected", reason: "not_valid", ticket: null };
  }
  const startsAt = Math.floor(Date.parse(list.session.startsAt) / 1000) * 1000;
  if ((decoded.eventId && decoded.eventId !== list.session.eventId) || decoded.startsAt.getTime() !== startsAt) {
    return { result: "rejected", reason: "other_event", ticket: null };
  }
  if (listed) return listedVerdict(listed, options);
  const earlier = admittedHere.get(decoded.ticketId);
  if (earlier) return { result: "already_checked_in", ticket: null, checkIn: earlier };
  // Genuine, for this door, not used as far as this scanner knows: a ticket sold after the
  // last sync (its code verifies with the key alone, the name is learnt at upload).
  return { result: "admitted", ticket: null, checkIn: { id: options.newId(), at: now.toISOString(), by, door } };
}

/** A ticket of the door list: refused, already in (here or, by the last sync, elsewhere), or admitted. */
function listedVerdict(listed: DoorListTicket, options: { admittedHere: ReadonlyMap<string, LocalAdmission>; door: string; by: string; now: Date; newId: () => string }): Verdict {
  const ticket = { id: listed.id, holderName: listed.holderName, ticketTypeName: listed.ticketTypeName, ...(listed.notes?.length ? { notes: listed.notes } : {}) };
  if (listed.refusal) return { result: "rejected", reason: listed.refusal, ticket };
  const earlier = options.admittedHere.get(listed.id);
  if (earlier) return { result: "already_checked_in", ticket, checkIn: earlier };
  if (listed.checkedIn) return { result: "already_checked_in", ticket, checkIn: { id: "", ...listed.checkedIn } };
  return { result: "admitted", ticket, checkIn: { id: options.newId(), at: options.now.toISOString(), by: options.by, door: options.door } };
}
