import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/users";
import { prisma, sql } from "@/lib/db";
import { env } from "@/lib/env";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import type { Locale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import { WaitlistError } from "./errors";
import { joinRangeWaitlist } from "./join-range-waitlist";
import { hashLeaveToken, waitlistLeaveToken } from "./leave-token";

// Joining a sold-out ticket type's waiting list (issue 29.3): a guest gives an email and a
// name, a signed-in buyer their account's; both say how many places. The rule (only while the
// type cannot give that many places now) is checked in ONE SQL call under the type's lock
// (prisma/functions/waitlist_join.sql), which also commits the confirmation email's job.
// A time range of a bookable resource ({resourceId, startsAt, endsAt}) has its own rule
// (join-range-waitlist.ts, docs/decisions/0021); who joins is the same.

const ZWho = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "Enter the email we should write to" }).max(254, "That email is too long")).optional(),
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters").optional(),
});
export const ZJoinWaitlist = ZWho.extend({
  ticketTypeId: z.string().refine(isUuid, "Choose a ticket type"),
  quantity: z.coerce.number().int("Choose how many places").min(1, "Choose at least one place"),
});
export type JoinWaitlistInput = z.input<typeof ZJoinWaitlist>;

export type WaitlistJoined = { id: string; position: number; leaveToken: string; quantity: number } & (
  | { ticketTypeId: string }
  | { resourceId: string; startsAt: Date; endsAt: Date }
);

function invalid(issues: z.core.$ZodIssue[], fallback: string): WaitlistError {
  const fieldErrors = fieldErrorsOf(issues);
  const [field, message] = Object.entries(fieldErrors)[0] ?? [fallback, "Check the form"];
  return new WaitlistError("invalid", message, { field, fieldErrors });
}

type Answer = { ok: true; id: string; position: number } | { ok: false; code: "not_found" | "not_on_sale" | "has_places" | "already_waiting"; available?: number };

/**
 * Joins the list of a ticket type of the event (by id, the API's path; by slug, the event page);
 * refusals (WaitlistError) change nothing.
 */
export async function joinWaitlist(options: { event: { id: string } | { slug: string }; input: unknown; viewer: SessionUser | null; locale: Locale }): Promise<WaitlistJoined> {
  if (typeof options.input === "object" && options.input !== null && "resourceId" in options.input) {
    const who = ZWho.safeParse(options.input);
    if (!who.success) throw invalid(who.error.issues, "email");
    return joinRangeWaitlist({ ...options, who: whoJoins(options.viewer, who.data) });
  }
  const parsed = ZJoinWaitlist.safeParse(options.input);
  if (!parsed.success) throw invalid(parsed.error.issues, "quantity");
  const { ticketTypeId, quantity } = parsed.data;
  const max = env().MAX_TICKETS_PER_ORDER;
  if (quantity > max) throw new WaitlistError("invalid", `At most ${max} places`, { field: "quantity" });
  const who = whoJoins(options.viewer, parsed.data);
  const event = "id" in options.event ? (isUuid(options.event.id) ? { id: options.event.id } : null) : { slug: options.event.slug };
  const type = event ? await prisma.ticketType.findFirst({ where: { id: ticketTypeId, session: { event } }, select: { id: true } }) : null;
  if (!type) throw new WaitlistError("not_found", "No such ticket type in this event", { field: "ticketTypeId" });

  const id = randomUUID();
  const leaveToken = waitlistLeaveToken(id);
  const [{ result }] = await sql<{ result: Answer }>`
    SELECT waitlist_join(${id}::uuid, ${ticketTypeId}::uuid, ${who.email}, ${who.name}, ${quantity}::int, ${options.locale},
                         ${options.viewer?.id ?? null}::uuid, ${hashLeaveToken(leaveToken)}) AS result`;
  if (result.ok) return { id: result.id, position: result.position, leaveToken, ticketTypeId, quantity };
  switch (result.code) {
    case "not_found":
      throw new WaitlistError("not_found", "No such ticket type in this event", { field: "ticketTypeId" });
    case "not_on_sale":
      throw new WaitlistError("not_on_sale", "This ticket type is not on sale");
    case "has_places":
      throw new WaitlistError("has_places", `There are places left (${result.available}): buy them instead of waiting`, {
        field: "quantity",
        extensions: { available: result.available },
      });
    case "already_waiting":
      throw new WaitlistError("already_waiting", "This email is already on the waiting list for this ticket type", { field: "email" });
  }
}

function whoJoins(viewer: SessionUser | null, input: { email?: string; name?: string }): { email: string; name: string } {
  if (viewer) return { email: viewer.email.toLowerCase(), name: viewer.name || viewer.email };
  if (!input.email) throw new WaitlistError("invalid", "Enter the email we should write to", { field: "email" });
  if (!input.name) throw new WaitlistError("invalid", "Enter your name", { field: "name" });
  return { email: input.email, name: input.name };
}
