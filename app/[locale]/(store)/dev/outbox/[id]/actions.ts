"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { applyDeliveryEvent } from "@/lib/email/delivery-events";
import { outboxTakesEmail, requireOutboxViewer } from "@/lib/email/outbox-access";
import { isUuid } from "@/lib/ids";

/**
 * Without Resend (development, a keyless demo): what Resend's webhook does when a receiving
 * server refuses an email, so the demo shows a bounce reaching the admin (an attendee message's
 * recipient, a reminder). Whoever may read the outbox may press it (anyone in development,
 * admins on a demo site).
 */
export async function bounceOutboxEmail(id: string): Promise<void> {
  if (!outboxTakesEmail() || !isUuid(id)) notFound();
  await requireOutboxViewer();
  await applyDeliveryEvent({ provider: "outbox", providerId: id, state: "bounced", detail: "Bounced by hand in the development outbox" });
  revalidatePath(`/dev/outbox/${id}`);
}
