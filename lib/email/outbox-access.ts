import "server-only";
import { currentUser } from "@/lib/auth";
import { actorOf, canReadOutbox } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/users";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";

/**
 * The dev outbox is open to anyone only while email really goes there and this is not
 * production (no RESEND_API_KEY, NODE_ENV !== "production"); otherwise only admins see it.
 */
export function outboxIsOpen(): boolean {
  const settings = env();
  return !settings.RESEND_API_KEY && settings.NODE_ENV !== "production";
}

/** Email goes to the outbox, not to a provider (no RESEND_API_KEY): its emails may be bounced by hand. */
export function outboxTakesEmail(): boolean {
  return !env().RESEND_API_KEY;
}

/**
 * The outbox pages' gate: anyone while it is open, else the platform admin only (never a
 * host's member: the outbox holds every buyer's email and everyone's sign-in links). Not found
 * for anyone else, as the admin area answers.
 */
export async function requireOutboxViewer(): Promise<void> {
  if (!canViewOutbox(await currentUser())) notFound();
}

export function canViewOutbox(viewer: SessionUser | null): boolean {
  return canReadOutbox(actorOf(viewer), outboxIsOpen());
}
