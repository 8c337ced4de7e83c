import "server-only";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { jobKey } from "@/lib/jobs/kinds";

// What became of an email after the provider took it (docs/decisions/0023-email-deliveries.md).
// sendEmail records every email it hands over under its idempotency key;
// Resend's signed webhook (or, in development, a bounce pressed by hand in the outbox) moves
// the record on. A bounce reaches the admin where the email was written for: an attendee
// message's recipient and a reminder's tickets turn `bounced`.

export type DeliveryState = "sent" | "delayed" | "delivered" | "bounced" | "complained" | "failed";

/**
 * Webhooks arrive late, twice and out of order: a state only moves forward. A delay is
 * followed by delivery or a bounce; an end (bounced, complained, failed) is never undone by a
 * late "delivered" (a complaint comes after delivery, so it ranks above it).
 */
const RANK: Record<DeliveryState, number> = { sent: 0, delayed: 1, delivered: 2, bounced: 3, failed: 3, complained: 4 };

/** After the provider accepted the email. A retried send of the same key keeps the first row. */
export async function recordDelivery(input: { to: string; idempotencyKey: string }, result: { transport: "resend" | "outbox"; id: string }): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO email_deliveries (idempotency_key, provider, provider_id, to_address)
    VALUES (${input.idempotencyKey}, ${result.transport}, ${result.id}, ${input.to.toLowerCase()})
    ON CONFLICT (idempotency_key) DO NOTHING`;
}

export type DeliveryEvent = { provider: "resend" | "outbox"; providerId: string; state: DeliveryState; detail: string | null };
export type DeliveryEventOutcome = "applied" | "stale" | "unknown_email";

/** Applies one report about an email: idempotent, never moves a state back. */
export async function applyDeliveryEvent(event: DeliveryEvent): Promise<DeliveryEventOutcome> {
  const moved = await prisma.$queryRaw<{ idempotency_key: string }[]>`
    UPDATE email_deliveries
       SET state = ${event.state}::email_delivery_state, detail = COALESCE(${event.detail}, detail), updated_at = now()
     WHERE provider = ${event.provider} AND provider_id = ${event.providerId}
       AND state = ANY(${statesBefore(event.state)}::email_delivery_state[])
    RETURNING idempotency_key`;
  if (moved.length === 0) {
    const known = await prisma.emailDelivery.count({ where: { provider: event.provider, providerId: event.providerId } });
    return known ? "stale" : "unknown_email";
  }
  if (event.state === "bounced" || event.state === "complained" || event.state === "failed") {
    await markWrittenForBounced(moved[0].idempotency_key, event.detail ?? event.state);
  }
  return "applied";
}

/** The states a report of `state` may move an email on from. */
function statesBefore(state: DeliveryState): DeliveryState[] {
  return (Object.keys(RANK) as DeliveryState[]).filter((earlier) => RANK[earlier] < RANK[state]);
}

/** The row the email was written for, found by the send's key: an attendee message's recipient, a reminder batch. */
async function markWrittenForBounced(idempotencyKey: string, detail: string): Promise<void> {
  const [kind, id] = splitKey(idempotencyKey);
  if (!isUuid(id)) return;
  if (kind === jobKeyPrefix("send_attendee_message")) {
    await prisma.$executeRaw`
      UPDATE attendee_message_recipients SET status = 'bounced', error = ${detail}, updated_at = now()
       WHERE id = ${id}::uuid AND status = 'sent'`;
  } else if (kind === jobKeyPrefix("send_reminder")) {
    await prisma.$executeRaw`UPDATE ticket_reminders SET status = 'bounced' WHERE batch_id = ${id}::uuid AND status = 'sent'`;
  }
}

function jobKeyPrefix(kind: "send_attendee_message" | "send_reminder"): string {
  return jobKey(kind, "").slice(0, -1);
}

function splitKey(key: string): [string, string] {
  const at = key.indexOf(":");
  return at < 0 ? [key, ""] : [key.slice(0, at), key.slice(at + 1)];
}
