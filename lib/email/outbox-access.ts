import "server-only";
import { actorOf, canReadOutbox } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/users";
import { env } from "@/lib/env";

/**
 * The dev outbox is open to anyone only while email really goes there and this is not
 * production (no RESEND_API_KEY, NODE_ENV !== "production"); otherwise only admins see it.
 */
export function outboxIsOpen(): boolean {
  const settings = env();
  return !settings.RESEND_API_KEY && settings.NODE_ENV !== "production";
}

export function canViewOutbox(viewer: SessionUser | null): boolean {
  return canReadOutbox(actorOf(viewer), outboxIsOpen());
}
