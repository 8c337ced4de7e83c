import "server-only";
import { prisma } from "@/lib/db";
import { verifyAnyTicketCode } from "@/lib/tickets/keys";
import { normaliseShortCode } from "@/lib/tickets/short-code";
import { doorNotes, doorQuestions } from "./door-notes";
import type { DoorSession, DoorStaff } from "./staff";
import type { CheckInFacts, RejectionReason, TicketSummary, Verdict } from "./verdict";

export type CheckInOptions = {
  staff: DoorStaff;
  session: DoorSession;
  /** The scanned QR text, or the short code printed under it (typed: any case, spaces allowed). */
  code: string;
  /** Which door or scanner (free text, shown to the admin). */
  door: string;
  /** An offline scan being uploaded: its id (recorded once however often it is sent) and the phone's time. */
  offline?: { scanId: string; scannedAt: Date };
};

type AdmittedRow = { id: string; scanned_at: Date };

type TicketState = {
  id: string;
  holder_name: string;
  ticket_type_name: string | null;
  ticket_status: "valid" | "void";
  order_status: string;
  order_reference: string;
  session_id: string | null;
  check_in_id: string | null;
  check_in_at: Date | null;
  check_in_by: string | null;
  check_in_door: string | null;
  check_in_scan_id: string | null;
  event_id: string | null;
  answers: unknown;
  order_answers: unknown;
};

const REFUNDED = new Set(["refund_required", "refunded"]);

/**
 * Checks one scanned ticket in at `session`'s door. A ticket is admitted once: the admission
 * is ONE conditional INSERT (a valid ticket of a paid order for this session, and no standing
 * check-in for it: the partial unique index check_ins_admitted_ticket_key), so two doors
 * scanning the same ticket at the same moment get one row between them and the other is told
 * "already checked in". Only when nothing was inserted does a read explain why.
 */
export async function checkInTicket(options: CheckInOptions): Promise<Verdict> {
  const { staff, session, door, offline } = options;
  const facts = await identifyTicket(options.code, session);
  if (facts === "other_event") return { result: "rejected", reason: "other_event", ticket: null };
  if (!facts) return { result: "rejected", reason: "not_valid", ticket: null };

  const scanId = offline?.scanId ?? null;
  const scannedAt = offline?.scannedAt ?? null;
  const admitted = await prisma.$queryRaw<AdmittedRow[]>`
    INSERT INTO check_ins (ticket_id, session_id, staff_id, staff_email, door, scan_id, scanned_at, offline)
    SELECT t.id, ${session.id}::uuid, ${staff.id}::uuid, ${staff.email}, ${door}, ${scanId}::uuid, COALESCE(${scannedAt}::timestamptz, now()), ${offline !== undefined}
      FROM tickets t
      JOIN orders o ON o.id = t.order_id
      JOIN ticket_types tt ON tt.id = t.ticket_type_id
     WHERE t.id = ${facts.ticketId}::uuid
       AND o.reference = ${facts.orderReference}
       AND t.status = 'valid'
       AND o.status = 'paid'
       AND tt.session_id = ${session.id}::uuid
    ON CONFLICT DO NOTHING
    RETURNING id, scanned_at`;

  const state = await readTicketState(facts.ticketId);
  const ticket: TicketSummary | null = state && state.order_reference === facts.orderReference
    ? { id: state.id, holderName: state.holder_name, ticketTypeName: state.ticket_type_name ?? "Ticket", notes: state.event_id ? doorNotes(await doorQuestions(state.event_id), state.answers, state.order_answers) : [] }
    : null;
  if (admitted[0]) return { result: "admitted", ticket, checkIn: { id: admitted[0].id, at: admitted[0].scanned_at.toISOString(), by: staff.name || staff.email, door } };
  if (!state || !ticket) return { result: "rejected", reason: "not_valid", ticket: null };

  const rejection = rejectionOf(state, session.id);
  if (rejection) return { result: "rejected", reason: rejection, ticket };
  if (state.check_in_id) {
    const checkIn: CheckInFacts = { id: state.check_in_id, at: state.check_in_at!.toISOString(), by: state.check_in_by!, door: state.check_in_door! };
    // The same offline scan uploaded again: it is the admission that stands.
    if (scanId && state.check_in_scan_id === scanId) return { result: "admitted", ticket, checkIn };
    return { result: "already_checked_in", ticket, checkIn };
  }
  // Nothing inserted, nothing standing: this scan's id was already used by another upload
  // (a replay of a scan whose admission was undone since). Never admit twice on one scan.
  return { result: "rejected", reason: "not_valid", ticket };
}

/**
 * Which ticket a scan names: a signed QR code (checked with the key, and for this event and
 * date before the database is asked), or a typed short code (looked up; one of another
 * session is answered "other event" without naming its holder).
 */
async function identifyTicket(code: string, session: DoorSession): Promise<{ ticketId: string; orderReference: string } | "other_event" | null> {
  const shortCode = normaliseShortCode(code);
  if (shortCode) {
    const rows = await prisma.$queryRaw<{ id: string; reference: string; session_id: string | null }[]>`
      SELECT t.id, o.reference, tt.session_id
        FROM tickets t JOIN orders o ON o.id = t.order_id LEFT JOIN ticket_types tt ON tt.id = t.ticket_type_id
       WHERE t.short_code = ${shortCode}`;
    const row = rows[0];
    if (!row) return null;
    return row.session_id === session.id ? { ticketId: row.id, orderReference: row.reference } : "other_event";
  }
  const facts = await verifyAnyTicketCode(code);
  if (!facts) return null;
  // A genuine code for another event or another date of this one: no need to ask the database.
  if ((facts.eventId && facts.eventId !== session.eventId) || facts.startsAt.getTime() !== Math.floor(session.startsAt.getTime() / 1000) * 1000) return "other_event";
  return facts;
}

function rejectionOf(state: TicketState, sessionId: string): RejectionReason | null {
  if (state.session_id !== sessionId) return "other_event";
  if (REFUNDED.has(state.order_status)) return "refunded";
  if (state.ticket_status === "void") return "void";
  if (state.order_status !== "paid") return "not_paid";
  return null;
}

async function readTicketState(ticketId: string): Promise<TicketState | null> {
  const rows = await prisma.$queryRaw<TicketState[]>`
    SELECT t.id, t.holder_name, COALESCE(tt.name, r.name) AS ticket_type_name, t.status::text AS ticket_status,
           o.status::text AS order_status, o.reference AS order_reference, tt.session_id,
           c.id AS check_in_id, c.scanned_at AS check_in_at, COALESCE(NULLIF(staff.name, ''), c.staff_email) AS check_in_by, c.door AS check_in_door, c.scan_id::text AS check_in_scan_id,
           o.event_id, t.answers, o.answers AS order_answers
      FROM tickets t
      JOIN orders o ON o.id = t.order_id
      LEFT JOIN ticket_types tt ON tt.id = t.ticket_type_id
      LEFT JOIN bookings b ON b.id = t.booking_id
      LEFT JOIN resources r ON r.id = b.resource_id
      LEFT JOIN check_ins c ON c.ticket_id = t.id AND c.undone_at IS NULL
      LEFT JOIN users staff ON staff.id = c.staff_id
     WHERE t.id = ${ticketId}::uuid`;
  return rows[0] ?? null;
}
