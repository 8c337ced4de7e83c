import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { buyTicketType } from "@/lib/catalog/event-page-view";
import { saleRulesOf } from "@/lib/catalog/event-sale-rules";
import { yearNeeded } from "@/lib/catalog/format-when";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { env } from "@/lib/env";
import { findVoucher } from "@/lib/orders/find-voucher";
import type { TicketOffer } from "@/lib/orders/quote";
import { fromRefusal } from "@/lib/orders/refusals";
import { voucherCovers, voucherTimeProblem, type VoucherOffer } from "@/lib/orders/voucher";
import { offeredPlaces } from "@/lib/waitlist/offered-places";

export type RevealedType = { sessionId: string; type: ReturnType<typeof buyTicketType>; offer: TicketOffer };

/**
 * A code typed into an event page's buy panel (issue 28): the voucher for the panel's own quote
 * (so the discounted total is shown before paying), and the hidden ticket types it reveals
 * there (a presale, a guest list). A code that cannot be used at all is refused with the same
 * words the purchase would use; whether its last uses are still there is the commit's to say.
 * `offered`: the places a waiting-list offer holds for this code, by ticket type.
 */
export async function applyVoucherOnEventPage(options: {
  slug: string;
  code: string;
  locale: Locale;
  now?: Date;
}): Promise<{ voucher: VoucherOffer; revealed: RevealedType[]; offered: Record<string, number> }> {
  const now = options.now ?? new Date();
  const voucher = await findVoucher(options.code);
  const problem = !voucher ? "unknown" : voucherTimeProblem(voucher, now.getTime());
  if (problem || !voucher) throw fromRefusal({ ok: false, code: "voucher", problem: problem ?? "unknown" });
  const event = await getPublicEventBySlug(options.slug, { now, locale: options.locale, withHidden: voucher.revealsHidden });
  if (!event) throw fromRefusal({ ok: false, code: "voucher", problem: "not_applicable" });
  const covered = event.sessions.some((session) => session.ticketTypes.some((type) => voucherCovers(voucher, event.id, type)));
  if (!covered) throw fromRefusal({ ok: false, code: "voucher", problem: "not_applicable" });
  const rules = saleRulesOf(event, env().MAX_TICKETS_PER_ORDER);
  const withYear = yearNeeded(event.sessions.map((session) => session.startsAt), event.venue.timeZone, now);
  const revealed = event.sessions.flatMap((session) =>
    session.ticketTypes
      .filter((type) => type.hidden && voucherCovers(voucher, event.id, type))
      .map((type) => ({
        sessionId: session.id,
        type: buyTicketType(type, { timeZone: event.venue.timeZone, now, locale: options.locale, withYear }),
        offer: rules.ticketTypes.find((offer) => offer.id === type.id)!,
      })),
  );
  // A waiting-list offer's code (issue 29.3): its held places are there for this buyer.
  return { voucher, revealed, offered: await offeredPlaces(voucher.id) };
}
