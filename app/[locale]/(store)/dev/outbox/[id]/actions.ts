"use server";

import { revalidatePath } from "next/cache";
import { notFound } from "next/navigation";
import { applyDeliveryEvent } from "@/lib/email/delivery-events";
import { outboxIsOpen } from "@/lib/email/outbox-access";
import { isUuid } from "@/lib/ids";

/**
 * Development only: what Resend's webhook does when a receiving server refuses an email, so a
 * keyless demo shows a bounce reaching the admin (an attendee message's recipient, a reminder).
 */
export async function bounceOutboxEmail(id: string): Promise<void> {
  if (!outboxIsOpen() || !isUuid(id)) notFound();
  await applyDeliveryEvent({ provider: "outbox", providerId: id, state: "bounced", detail: "Bounced by hand in the development outbox" });
  revalidatePath(`/dev/outbox/${id}`);
}
