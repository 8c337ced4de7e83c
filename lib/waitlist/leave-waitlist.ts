import "server-only";
import type { SessionUser } from "@/lib/auth/users";
import { prisma, sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { WaitlistError } from "./errors";
import { leaveTokenMatches } from "./leave-token";

// Leaving the waiting list (issue 29.3): by the private link of the join email (its token), or
// signed in as the account that joined. An entry holding an offer gives its places back, and
// they go to the next in line in the same transaction (prisma/functions/waitlist_leave.sql).

type Answer = { ok: true; status: "left"; from: "waiting" | "offered" } | { ok: false; code: "not_found" | "closed"; status?: string };

export async function leaveWaitlist(options: { entryId: string; token?: string | null; viewer: SessionUser | null }): Promise<{ from: "waiting" | "offered" }> {
  const notFound = new WaitlistError("not_found", "No such place on a waiting list");
  if (!isUuid(options.entryId)) throw notFound;
  const entry = await prisma.waitlistEntry.findUnique({ where: { id: options.entryId }, select: { userId: true, leaveTokenHash: true } });
  if (!entry) throw notFound;
  const mine = options.viewer !== null && entry.userId === options.viewer.id;
  if (!mine && !leaveTokenMatches(options.token, entry.leaveTokenHash)) throw notFound;
  const [{ result }] = await sql<{ result: Answer }>`SELECT waitlist_leave(${options.entryId}::uuid) AS result`;
  if (result.ok) return { from: result.from };
  if (result.code === "not_found") throw notFound;
  throw new WaitlistError("not_cancellable", `This place on the waiting list is ${result.status} already`, { extensions: { status: result.status } });
}
