import "server-only";
import { z } from "zod";
import { actorOf, canChangeTicketHolder } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/users";
import { prisma, sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { currentRequestId } from "@/lib/ops/request-context";
import { OrderError } from "@/lib/orders/errors";
import { hasOrderAccess } from "@/lib/orders/order-access";
import { MAX_HOLDER_NAME } from "@/lib/questions/check-particulars";

// Who a ticket is for (issue 27.3): the buyer names each ticket's holder at checkout and may
// change it afterwards until the event's cutoff. A change re-issues the ticket in one SQL call
// (prisma/functions/ticket_change_holder.sql): the old code is refused at the door from then on.

export const ZHolderChange = z.object({
  name: z.string().trim().min(1, "Enter the holder's name").max(MAX_HOLDER_NAME, `Use at most ${MAX_HOLDER_NAME} characters`),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, "That email is too long")
    .pipe(z.union([z.literal(""), z.email({ error: "Enter a valid email, or leave it empty" })]))
    .optional()
    .transform((value) => value || null),
});
export type HolderChange = z.output<typeof ZHolderChange>;

type Answer =
  | { ok: true; ticketId: string; shortCode: string; until: string }
  | { ok: false; code: "not_found" | "not_paid" | "transfers_forbidden" | "void" | "checked_in" | "too_late" | "unchanged"; until?: string; ticketId?: string; reissuedAs?: string };

export type ChangedHolder = { ticketId: string; shortCode: string; reissued: boolean };

/**
 * Changes the holder of ticket `ticketId` of order `orderId` for a caller who may (the buyer by
 * account or private link, an admin). Anyone else, and a ticket of another order, is
 * `not_found`. Answers the ticket that now holds the place (a new one when re-issued).
 */
export async function changeTicketHolder(options: {
  orderId: string;
  ticketId: string;
  change: HolderChange;
  viewer: SessionUser | null;
  accessToken?: string | null;
}): Promise<ChangedHolder> {
  const notFound = new OrderError("not_found", "There is no such ticket").says("ticketGone");
  if (!isUuid(options.orderId) || !isUuid(options.ticketId)) throw notFound;
  const order = await prisma.order.findUnique({ where: { id: options.orderId }, select: { userId: true, buyerEmail: true } });
  if (!order) throw notFound;
  const withAccessLink = !options.viewer || order.userId !== options.viewer.id ? await hasOrderAccess(options.orderId, options.accessToken) : false;
  if (!canChangeTicketHolder(actorOf(options.viewer), order, { withAccessLink })) throw notFound;

  // Emails are kept in lower case (the key a holder's account is matched by), however a caller sends them.
  const email = options.change.email?.trim().toLowerCase() || null;
  const [{ result }] = await sql<{ result: Answer }>`
    SELECT ticket_change_holder(${options.orderId}::uuid, ${options.ticketId}::uuid, ${options.change.name.trim()}, ${email},
                                ${currentRequestId() ?? null}) AS result`;
  if (result.ok) return { ticketId: result.ticketId, shortCode: result.shortCode, reissued: true };
  switch (result.code) {
    case "unchanged":
      return { ticketId: result.ticketId!, shortCode: "", reissued: false };
    case "not_found":
      throw notFound;
    case "not_paid":
      throw new OrderError("holder_locked", "Only a paid order's tickets can be given to someone else", "name").says("holderNotPaid");
    case "transfers_forbidden":
      throw new OrderError("holder_locked", "This event does not let tickets be passed on", "name").says("holderForbidden");
    case "void":
      throw new OrderError("holder_locked", "This ticket was replaced; change the new one", "name").says("holderReplaced");
    case "checked_in":
      throw new OrderError("holder_locked", "This ticket has already been used at the door", "name").says("holderCheckedIn");
    case "too_late":
      throw new OrderError("holder_locked", `Holders could be changed until ${result.until}`, "name").says("holderTooLate");
  }
}
