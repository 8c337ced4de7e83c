import "server-only";
import { Resend, type WebhookEventPayload } from "resend";
import { env } from "@/lib/env";
import { applyDeliveryEvent, type DeliveryState } from "./delivery-events";

// Resend's webhooks (signed the Standard Webhooks way, as Svix does): the fate of each email
// after Resend took it. Only the states an admin acts on are kept; opens and clicks are not.

const STATES: Partial<Record<WebhookEventPayload["type"], DeliveryState>> = {
  "email.delivered": "delivered",
  "email.delivery_delayed": "delayed",
  "email.bounced": "bounced",
  "email.complained": "complained",
  "email.failed": "failed",
};

export type ResendWebhookResult = { status: 200; outcome: string } | { status: 400; error: string };

export type WebhookHeaders = { id: string | null; timestamp: string | null; signature: string | null };

/** Verifies the signature on the raw body (and its age: replays are refused), then applies the event. */
export async function handleResendWebhook(rawBody: string, headers: WebhookHeaders): Promise<ResendWebhookResult> {
  const secret = env().RESEND_WEBHOOK_SECRET;
  if (!secret || !headers.id || !headers.timestamp || !headers.signature) return { status: 400, error: "missing signature" };
  let event: WebhookEventPayload;
  try {
    // The key is not used to verify; the SDK's client only carries the verifier.
    event = new Resend(env().RESEND_API_KEY ?? "re_unused").webhooks.verify({
      payload: rawBody,
      headers: { id: headers.id, timestamp: headers.timestamp, signature: headers.signature },
      webhookSecret: secret,
    });
  } catch {
    return { status: 400, error: "invalid signature" };
  }
  const state = STATES[event.type];
  if (!state || !("email_id" in event.data)) return { status: 200, outcome: "ignored" };
  const detail = event.type === "email.bounced" ? bounceText(event.data.bounce) : null;
  return { status: 200, outcome: await applyDeliveryEvent({ provider: "resend", providerId: event.data.email_id, state, detail }) };
}

function bounceText(bounce: { message?: string; type?: string; subType?: string } | undefined): string | null {
  if (!bounce) return null;
  const kind = [bounce.type, bounce.subType].filter(Boolean).join(" / ");
  return [kind, bounce.message].filter(Boolean).join(": ").slice(0, 500) || null;
}
