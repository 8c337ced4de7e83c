import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { getHeldTicket } from "@/lib/tickets/held-tickets";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("heldTicket"))("title"), robots: { index: false } };
}

/** A ticket someone handed on, for its holder (issue 29.2): the door codes, not the buyer's order. */
export default async function HeldTicketPage({ params }: { params: Promise<{ id: string; locale: Locale }> }) {
  const [{ id, locale }, t, tOrder] = await Promise.all([params, getTranslations("heldTicket"), getTranslations("order")]);
  const viewer = await requireUser(`/tickets/${id}`, locale);
  const ticket = await getHeldTicket(id, viewer);
  if (!ticket) notFound();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{ticket.eventTitle}</h1>
      <p className="text-stone-700">{ticket.when} · {ticket.venueName}, {ticket.venueAddress}</p>
      <p className="text-sm text-stone-700">{t("from", { buyer: ticket.buyerName })}</p>
      <section aria-labelledby="ticket-heading" className="flex flex-col items-center gap-2 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm" data-testid="held-ticket">
        <h2 id="ticket-heading" className="self-stretch text-sm"><span className="font-semibold">{ticket.ticketTypeName}</span> · {ticket.holderName}</h2>
        {/* The SVG comes from the qrcode library, never from user input. */}
        <div role="img" aria-label={tOrder("qrLabel", { index: 1 })} className="w-full max-w-80 bg-white [&>svg]:h-auto [&>svg]:w-full" dangerouslySetInnerHTML={{ __html: ticket.qrSvg }} />
        <p className="text-center text-sm text-stone-700">{tOrder("showAtDoor")}</p>
        <p className="flex flex-col items-center">
          <span className="text-xs text-stone-600">{tOrder("manualCode")}</span>
          <span className="font-mono text-xl font-semibold tracking-wider text-stone-900">{ticket.shortCode}</span>
        </p>
      </section>
      <Link href="/account" className="font-medium text-brand-700 underline">{tOrder("allTickets")}</Link>
    </div>
  );
}
