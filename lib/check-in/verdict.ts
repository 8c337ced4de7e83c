// What the door is told about a scan: the same shape online (from the server) and offline
// (from the scanner's own check, lib/check-in/offline-door.ts). Browser-safe: no imports.

/** Why a ticket is refused at the door (red). */
export const REJECTION_REASONS = ["not_valid", "void", "refunded", "not_paid", "other_event", "scan_time"] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** `notes`: the answers the door is shown ("Diet: Vegetarian"; lib/check-in/door-notes.ts). */
export type TicketSummary = { id: string; holderName: string; ticketTypeName: string; notes?: string[] };
export type CheckInFacts = { id: string; at: string; by: string; door: string };

export type Verdict =
  /** Green: let them in. */
  | { result: "admitted"; ticket: TicketSummary | null; checkIn: CheckInFacts }
  /** Amber: this ticket was already used. */
  | { result: "already_checked_in"; ticket: TicketSummary | null; checkIn: CheckInFacts }
  /** Red: not a ticket for this door. */
  | { result: "rejected"; reason: RejectionReason; ticket: TicketSummary | null };

export const REJECTION_TEXT: Record<RejectionReason, string> = {
  not_valid: "Not a valid ticket",
  void: "Ticket void",
  refunded: "Ticket refunded",
  not_paid: "Order not paid",
  other_event: "Other event or date",
  // Only an upload answers this: a scan time the door could not have made (lib/check-in/scan-window.ts).
  scan_time: "Scan time out of range",
};
