import "server-only";
import { prisma } from "@/lib/db";
import { ticketPublicKeyBase64Url } from "@/lib/tickets/keys";
import { doorNotes, doorQuestions } from "./door-notes";
import type { DoorSession } from "./staff";

export function doorSessionJson(session: DoorSession) {
  return { id: session.id, eventId: session.eventId, eventTitle: session.eventTitle, startsAt: session.startsAt.toISOString(), venueName: session.venueName, timeZone: session.timeZone };
}
import type { RejectionReason } from "./verdict";

export type DoorListTicket = {
  id: string;
  orderReference: string;
  holderName: string;
  ticketTypeName: string;
  /** What is printed under the QR and typed at the door when the camera cannot read it (lib/tickets/short-code.ts). */
  shortCode: string;
  /** The answers the door is shown ("Diet: Vegetarian"); absent in a list a phone kept from before questions. */
  notes?: string[];
  /** null: may be admitted; else why not. */
  refusal: Exclude<RejectionReason, "not_valid" | "other_event" | "scan_time"> | null;
  checkedIn: { at: string; by: string; door: string } | null;
};

export type DoorList = {
  session: { id: string; eventId: string; eventTitle: string; startsAt: string; venueName: string; timeZone: string };
  /** The Ed25519 public key (raw, base64url) that verifies ticket codes. */
  publicKey: string;
  syncedAt: string;
  tickets: DoorListTicket[];
};

type Row = {
  id: string;
  short_code: string;
  reference: string;
  holder_name: string;
  ticket_type_name: string;
  ticket_status: string;
  order_status: string;
  check_in_at: Date | null;
  check_in_by: string | null;
  check_in_door: string | null;
  answers: unknown;
  order_answers: unknown;
};

/**
 * What a scanner keeps to work offline at `session`'s door: every ticket of the session (also
 * void and refunded ones, so the door can say why), who already came in, and the public key
 * that verifies codes. A code issued after the sync still verifies with the key alone.
 */
export async function loadDoorList(session: DoorSession): Promise<DoorList> {
  const questions = await doorQuestions(session.eventId);
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT t.id, t.short_code, o.reference, t.holder_name, tt.name AS ticket_type_name, t.status::text AS ticket_status, o.status::text AS order_status,
           t.answers, o.answers AS order_answers,
           c.scanned_at AS check_in_at, COALESCE(NULLIF(staff.name, ''), c.staff_email) AS check_in_by, c.door AS check_in_door
      FROM ticket_types tt
      JOIN tickets t ON t.ticket_type_id = tt.id
      JOIN orders o ON o.id = t.order_id
      LEFT JOIN check_ins c ON c.ticket_id = t.id AND c.undone_at IS NULL
      LEFT JOIN users staff ON staff.id = c.staff_id
     WHERE tt.session_id = ${session.id}::uuid
     ORDER BY t.created_at, t.id`;
  return {
    session: doorSessionJson(session),
    publicKey: ticketPublicKeyBase64Url(),
    syncedAt: new Date().toISOString(),
    tickets: rows.map((row) => ({
      id: row.id,
      orderReference: row.reference,
      holderName: row.holder_name,
      ticketTypeName: row.ticket_type_name,
      shortCode: row.short_code,
      notes: doorNotes(questions, row.answers, row.order_answers),
      refusal:
        row.order_status === "refund_required" || row.order_status === "refunded" ? "refunded" : row.ticket_status === "void" ? "void" : row.order_status !== "paid" ? "not_paid" : null,
      checkedIn: row.check_in_at ? { at: row.check_in_at.toISOString(), by: row.check_in_by!, door: row.check_in_door! } : null,
    })),
  };
}
