import { z } from "zod";

// Every kind of job and the payload it carries, in one place that imports no domain: the
// queue, the callers that enqueue and the handlers (each beside its domain, gathered by
// lib/worker) all take their types from here, so a job can only be queued with a payload
// its handler reads. The SQL order functions enqueue the same kinds (`jobs_enqueue`).

const ZOrderPayload = z.object({ orderId: z.uuid() });

export const JOB_KINDS = {
  /**
   * Paid order → PDF tickets by email. `resend` (optional) marks a deliberate second
   * delivery (an admin's "resend tickets"): it becomes part of the email's idempotency key,
   * so that one email goes out again (once).
   */
  deliver_order: ZOrderPayload.extend({
    resend: z.union([z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.number().int().nonnegative()]).optional(),
  }),
  /** A ticket given to someone else (its holder changed, with an email) → that ticket's PDF to them. */
  deliver_ticket: z.object({ ticketId: z.uuid() }),
  /**
   * A refund row (`order_owe_refund`) → money back through the order's provider → refund
   * notice. One job per refund; jobs queued before refunds were rows name only the order.
   */
  refund_order: ZOrderPayload.extend({ refundId: z.uuid().optional() }),
  /** The hold ended: close the order's checkout so nobody pays for places given away. */
  expire_checkout: ZOrderPayload.extend({ sessionId: z.string().min(1) }),
  /** An admin's message to attendees → one recipient row per address and a `send_attendee_message` job each. */
  fan_out_attendee_message: z.object({ messageId: z.uuid() }),
  /** One recipient of an admin's message → the email, in the buyer's language. */
  send_attendee_message: z.object({ recipientId: z.uuid() }),
  /** The tickets of one batch (one order, one address) entered the reminder window → one reminder email. */
  send_reminder: z.object({ batchId: z.uuid() }),
  /** Joined a waiting list (`waitlist_join`) → where they stand and the link to leave, by email. */
  waitlist_joined: z.object({ entryId: z.uuid() }),
  /** A waiting-list entry got an offer (`waitlist_offer`) → the code and its expiry by email. */
  waitlist_offer: z.object({ entryId: z.uuid() }),
  /** A host's owner invited someone to its team (`inviteMember`) → the invitation's link by email. */
  send_host_invitation: z.object({ invitationId: z.uuid() }),
} as const satisfies Record<string, z.ZodType>;

export type JobKind = keyof typeof JOB_KINDS;
/** What a caller passes when it enqueues a job of this kind. */
export type JobPayloadInput<K extends JobKind> = z.input<(typeof JOB_KINDS)[K]>;
/** What the handler of this kind receives, parsed by its schema. */
export type JobPayload<K extends JobKind> = z.output<(typeof JOB_KINDS)[K]>;

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOB_KINDS, kind);
}

type JobSubject = { orderId: string; refundId?: string } | { ticketId: string } | { messageId: string } | { recipientId: string } | { batchId: string } | { entryId: string } | { invitationId: string };

/** What a job is about (a refund, an order, one ticket, a message, a recipient, a reminder batch, a waiting-list entry): its unique key names it. */
export function jobSubjectId(payload: JobSubject): string {
  if ("refundId" in payload && payload.refundId) return payload.refundId;
  if ("orderId" in payload) return payload.orderId;
  if ("ticketId" in payload) return payload.ticketId;
  if ("messageId" in payload) return payload.messageId;
  if ("recipientId" in payload) return payload.recipientId;
  if ("entryId" in payload) return payload.entryId;
  if ("invitationId" in payload) return payload.invitationId;
  return payload.batchId;
}

/**
 * A job's unique key: at most one job of a kind per order (or whatever `id` names), so
 * enqueueing twice is harmless. The SQL order functions spell the same `<kind>:<id>`.
 */
export function jobKey(kind: JobKind, id: string): string {
  return `${kind}:${id}`;
}
