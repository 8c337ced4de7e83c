import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth/users";
import { prisma, sql } from "@/lib/db";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import type { Locale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import { quoteForCommit } from "@/lib/orders/place-order";
import { quoteBooking } from "@/lib/orders/quote-booking";
import { saleRulesFor } from "@/lib/orders/sale-rules";
import { WaitlistError } from "./errors";
import { hashLeaveToken, waitlistLeaveToken } from "./leave-token";
import type { WaitlistJoined } from "./join-waitlist";

// Joining the waiting list for one time range of a bookable resource (docs/decisions/0021): the
// range must be one a buyer could book (the booking quote's rules: length, slot grid, opening
// hours on the venue's clock, lib/orders/quote-booking.ts), and taken. The rest is ONE SQL call
// under the resource's lock (prisma/functions/waitlist_join_range.sql), which also commits the
// confirmation email's job.

export const ZJoinRangeWaitlist = z.object({
  resourceId: z.string().refine(isUuid, "Choose an experience"),
  startsAt: z.iso.datetime({ offset: true, error: "Choose a start time" }).transform((value) => new Date(value)),
  endsAt: z.iso.datetime({ offset: true, error: "Choose an end time" }).transform((value) => new Date(value)),
});

async function isEvent(eventId: string, event: { id: string } | { slug: string }): Promise<boolean> {
  if ("id" in event) return event.id === eventId;
  return (await prisma.event.count({ where: { id: eventId, slug: event.slug } })) === 1;
}

type Answer = { ok: true; id: string; position: number } | { ok: false; code: string };

export async function joinRangeWaitlist(options: {
  event: { id: string } | { slug: string };
  input: unknown;
  who: { email: string; name: string };
  viewer: SessionUser | null;
  locale: Locale;
}): Promise<WaitlistJoined> {
  const parsed = ZJoinRangeWaitlist.safeParse(options.input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error.issues);
    const [field, message] = Object.entries(fieldErrors)[0] ?? ["startsAt", "Check the form"];
    throw new WaitlistError("invalid", message, { field, fieldErrors });
  }
  const { resourceId, startsAt, endsAt } = parsed.data;
  const notFound = new WaitlistError("not_found", "No such bookable experience in this event", { field: "resourceId" });
  // Fresh rules: a join is rare, and a refusal must not come from a kept copy.
  const { rules } = await saleRulesFor({ resourceId }, { fresh: true });
  if (!rules || !(await isEvent(rules.eventId, options.event))) throw notFound;
  const minutes = (endsAt.getTime() - startsAt.getTime()) / 60_000;
  const quoted = quoteBooking(rules, { resourceId, start: startsAt, minutes }, { now: new Date(), eventNamed: true });
  if (!quoted.ok) {
    if (quoted.code === "not_found" || quoted.code === "not_in_event") throw notFound;
    if (quoted.code === "not_on_sale") throw new WaitlistError("not_on_sale", "This experience is not on sale");
    throw new WaitlistError("invalid", "That time cannot be booked: choose a start and a length the experience offers", { field: "startsAt", extensions: { reason: quoted.code } });
  }

  const id = randomUUID();
  const leaveToken = waitlistLeaveToken(id);
  const [{ result }] = await sql<{ result: Answer }>`
    SELECT waitlist_join_range(${id}::uuid, ${JSON.stringify(quoteForCommit(quoted.quote))}::jsonb, ${options.who.email}, ${options.who.name},
                               ${options.locale}, ${options.viewer?.id ?? null}::uuid, ${hashLeaveToken(leaveToken)}) AS result`;
  if (result.ok) return { id: result.id, position: result.position, leaveToken, resourceId, startsAt, endsAt, quantity: 1 };
  switch (result.code) {
    case "has_places":
      throw new WaitlistError("has_places", "That time is free: book it instead of waiting", { field: "startsAt", extensions: { available: 1 } });
    case "already_waiting":
      throw new WaitlistError("already_waiting", "This email is already on the waiting list for this time", { field: "email" });
    case "not_on_sale":
    case "in_past":
      throw new WaitlistError("not_on_sale", "This time is no longer on sale");
    case "not_found":
    case "not_in_event":
      throw notFound;
    default:
      // rules_changed, price_changed: the experience changed since it was read; choose again.
      throw new WaitlistError("invalid", "The experience has just changed: choose the time again", { field: "startsAt", extensions: { reason: result.code } });
  }
}
