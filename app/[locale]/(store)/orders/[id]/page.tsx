import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CancelForm } from "@/components/cancel-form";
import { OfflineTickets } from "@/components/offline-tickets";
import { ResumePaymentForm } from "@/components/resume-payment-form";
import { env } from "@/lib/env";
import { DeliveryProgress } from "@/components/delivery-progress";
import { currentUser, requireUser } from "@/lib/auth";
import { offlineAccountKey } from "@/lib/auth/offline-account";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { describeWhen } from "@/lib/tickets/describe-when";
import { cancellationOffer, getDeliveryStatus, getOrderForViewer, holderChangeUntil } from "@/lib/orders/get-order";
import { HolderForm } from "@/components/holder-form";
import { ACCESS_PARAM, withAccess } from "@/lib/orders/order-access";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { loadWebTickets } from "@/lib/tickets/web-tickets";
import { ticketTypeNamesOfOrder } from "@/lib/catalog/ticket-type-names";
import { cancelAction, changeHolderAction, resumePaymentAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("order"))("title"), robots: { index: false } };
}

const STATUS_TEXT = {
  paid: { heading: "paidHeading", body: "paidBody" },
  pending: { heading: "pendingHeading", body: "pendingBody" },
  expired: { heading: "expiredHeading", body: "expiredBody" },
  cancelled: { heading: "cancelledHeading", body: "cancelledBody" },
  refund_required: { heading: "refundRequiredHeading", body: "refundRequiredBody" },
  refunded: { heading: "refundedHeading", body: "refundedBody" },
} as const;

export default async function OrderPage({ params, searchParams }: { params: Promise<{ id: string; locale: Locale }>; searchParams: Promise<PageSearchParams> }) {
  const [{ id, locale }, query, t] = await Promise.all([params, searchParams, getTranslations("order")]);
  // A private link (the delivery email's) opens the order without signing in; otherwise the
  // page is its buyer's (and admins').
  const access = firstParam(query[ACCESS_PARAM]) ?? null;
  const viewer = access ? await currentUser() : await requireUser(`/orders/${id}`, locale);
  const order = await getOrderForViewer(id, viewer, access);
  if (!order) notFound();
  // Changing the order (paying, cancelling) and keeping it offline are the signed-in buyer's.
  const owner = viewer !== null && viewer.id === order.userId;
  const paid = order.status === "paid";
  const [[delivery, webTickets], typeNames] = await Promise.all([
    paid ? Promise.all([getDeliveryStatus(order.id), loadWebTickets(order.id)]) : (["none", new Map()] as const),
    ticketTypeNamesOfOrder(order.id, locale),
  ]);
  const text = STATUS_TEXT[order.status as keyof typeof STATUS_TEXT];
  const session = order.items[0]?.ticketType.session;
  const booking = order.bookings[0];
  const title = session?.event.title ?? booking?.resource.event.title ?? t("fallbackTitle");
  const slug = session?.event.slug ?? booking?.resource.event.slug;
  const zone = session?.venue.timeZone ?? booking?.resource.venue.timeZone ?? "UTC";
  const venue = session?.venue ?? booking?.resource.venue;
  // Written as on the PDF: the venue's clock, with the year and the zone.
  const when = session
    ? describeWhen({ startsAt: session.startsAt, timeZone: zone, locale })
    : booking
      ? describeWhen({ startsAt: booking.startsAt, endsAt: booking.endsAt, timeZone: zone, range: true, locale })
      : "";
  // The buyer (signed in, or by the private link) may cancel under the event's policy (issue 29.1).
  const manager = owner || access !== null;
  const cancellation = cancellationOffer(order);
  const cancelUntil = cancellation?.until ? describeWhen({ startsAt: cancellation.until, timeZone: zone, locale }) : "";
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const validTickets = order.tickets.filter((ticket) => ticket.status === "valid").length;
  // The service worker that keeps tickets offline runs on a production build only (README,
  // "At the door"): under `npm run dev` the page does not promise it.
  const offline = env().NODE_ENV === "production";
  // The buyer (signed in, or by the private link) names each ticket's holder until the cutoff.
  const until = owner || access ? holderChangeUntil(order) : null;
  const untilText = until ? describeWhen({ startsAt: until, timeZone: zone, locale }) : "";
  const changed = order.tickets.find((ticket) => ticket.id === firstParam(query.changed));
  const cancelled = (["ticket", "order"] as const).find((what) => what === firstParam(query.cancelled));

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-5">
      <header className="flex flex-col gap-1">
        <p className="font-mono text-sm text-stone-600">{t("reference", { reference: order.reference })}</p>
        <h1 className="text-2xl font-bold" data-testid="order-status" data-status={order.status}>{t(text.heading)}</h1>
        <p className="text-stone-700">{t(text.body)}</p>
        {order.status === "pending" && owner ? <ResumePaymentForm orderId={order.id} action={resumePaymentAction} /> : null}
      </header>
      <section aria-labelledby="what" className="rounded-2xl border border-stone-200 bg-white p-4">
        <h2 id="what" className="text-lg font-semibold">{slug ? <Link href={`/events/${slug}`} className="underline">{title}</Link> : title}</h2>
        <p className="text-stone-700">{when}</p>
        {venue ? <p className="text-stone-700">{venue.name}, {venue.address}</p> : null}
        {paid && session && slug ? (
          <Link href={`/events/${slug}/calendar/${session.id}`} prefetch={false} className="mt-1 inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("addToCalendar")}</Link>
        ) : null}
        <ul className="mt-3 flex flex-col gap-1">
          {order.items.map((item) => (
            <li key={item.id} className={`flex justify-between ${item.status === "cancelled" && order.status === "paid" ? "text-stone-500 line-through" : ""}`}>
              <span>{item.quantity} × {typeNames.byType.get(item.ticketTypeId) ?? item.ticketType.name}</span>
              <span>{formatMoney(item.unitPriceMinor * item.quantity, order.currency, locale)}</span>
            </li>
          ))}
          {booking ? <li className="flex justify-between"><span>{booking.resource.name}</span><span>{formatMoney(order.totalMinor, order.currency, locale)}</span></li> : null}
        </ul>
        <p className="mt-2 flex justify-between border-t border-stone-100 pt-2 font-semibold"><span>{t("total")}</span><span>{formatMoney(order.totalMinor, order.currency, locale)}</span></p>
        {order.refunds.length > 0 ? (
          <ul className="mt-2 flex flex-col gap-1 text-sm text-stone-700" aria-label={t("refundsHeading")} data-testid="refunds">
            {order.refunds.map((refund) => (
              <li key={refund.id} className="flex justify-between gap-3">
                <span>{refund.status === "paid" ? t("refundPaid") : t("refundPending")}{refund.feeMinor > 0 ? ` · ${t("refundFeeKept", { fee: money(refund.feeMinor) })}` : ""}</span>
                <span className="shrink-0">−{money(refund.amountMinor)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {cancellation && (order.status === "paid" || order.status === "pending") ? (
        <section aria-labelledby="cancellation-heading" className="flex flex-col gap-2 rounded-2xl border border-stone-200 bg-white p-4" data-testid="cancellation">
          <h2 id="cancellation-heading" className="text-lg font-semibold">{t("cancellationHeading")}</h2>
          <p className="text-stone-700" data-testid="cancellation-policy">
            {cancellation.pending
              ? t("cancelPendingBody")
              : cancellation.policy.kind === "none"
                ? t("policyNone")
                : !cancellation.until
                  ? t("policyOver")
                  : cancellation.policy.kind === "fee"
                    ? t("policyFee", { until: cancelUntil, percent: cancellation.policy.feePercent })
                    : t("policyFree", { until: cancelUntil })}
          </p>
          {manager && (cancellation.pending || (cancellation.until && validTickets > 0)) ? (
            <CancelForm
              orderId={order.id}
              access={owner ? null : access}
              label={t(validTickets > 1 ? "cancelOrder" : "cancelOne")}
              refund={cancellation.pending ? null : money(cancellation.whole.refundMinor)}
              fee={cancellation.whole.feeMinor > 0 && !cancellation.pending ? money(cancellation.whole.feeMinor) : null}
              action={cancelAction}
            />
          ) : null}
        </section>
      ) : null}
      {order.tickets.length > 0 ? (
        <section aria-labelledby="tickets-heading" className="flex flex-col gap-2">
          <h2 id="tickets-heading" className="text-lg font-semibold">{t("tickets")}</h2>
          {changed ? <p role="status" className="rounded-xl bg-green-50 p-3 font-medium text-green-900">{t("holderChanged", { name: changed.holderName })}</p> : null}
          {cancelled ? <p role="status" className="rounded-xl bg-green-50 p-3 font-medium text-green-900">{t(cancelled === "ticket" ? "ticketCancelled" : "orderCancelled")}</p> : null}
          <DeliveryProgress orderId={order.id} initial={delivery} access={owner ? null : access} />
          {paid && offline ? <p className="text-sm text-stone-700">{t("worksOffline")}</p> : null}
          {paid && (owner || access) && !until ? <p className="text-sm text-stone-700">{t("holderLocked")}</p> : null}
          {order.status === "paid" ? (
            <a href={owner ? `/api/orders/${order.id}/tickets.pdf` : withAccess(`/api/orders/${order.id}/tickets.pdf`, access)} className="inline-flex min-h-11 items-center justify-center rounded-xl border border-brand-600 px-4 font-semibold text-brand-700 hover:bg-brand-50" download>
              {t("download")}
            </a>
          ) : null}
          <ul className="flex flex-col gap-4">
            {order.tickets.map((ticket, index) => {
              const web = ticket.status === "void" ? undefined : webTickets.get(ticket.id);
              return (
                <li key={ticket.id} className="overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm" data-testid="ticket" data-code={web?.signedCode}>
                  <div className="flex items-start justify-between gap-3 bg-brand-600 px-4 py-3 text-white">
                    <div className="min-w-0">
                      <p className="truncate font-semibold">{title}</p>
                      <p className="text-sm text-brand-50">{when}</p>
                    </div>
                    <p className="shrink-0 text-sm font-medium">{t("ticketOf", { index: index + 1, count: order.tickets.length })}</p>
                  </div>
                  <div className="flex flex-col items-center gap-2 border-t-2 border-dashed border-stone-200 px-4 py-4">
                    <p className="self-stretch text-sm" data-testid="ticket-holder">
                      <span className="font-semibold">{typeNames.byTicket.get(ticket.id) ?? ticket.ticketType?.name ?? booking?.resource.name ?? t("booking")}</span> · {ticket.holderName}
                      {ticket.holderEmail ? <span className="block break-all text-stone-600">{ticket.holderEmail}</span> : null}
                    </p>
                    {ticket.status === "void" ? (
                      <p className="py-6 text-2xl font-bold tracking-widest text-stone-500">{t(ticket.refundId ? "cancelledStamp" : "void")}</p>
                    ) : web ? (
                      <>
                        {/* The SVG comes from the qrcode library, never from user input. */}
                        <div
                          role="img"
                          aria-label={t("qrLabel", { index: index + 1 })}
                          data-testid="ticket-qr"
                          className="w-full max-w-80 bg-white [&>svg]:h-auto [&>svg]:w-full"
                          dangerouslySetInnerHTML={{ __html: web.qrSvg }}
                        />
                        <p className="text-center text-sm text-stone-700">{t("showAtDoor")}</p>
                        {/* What the door types when the camera cannot read the QR (the signed code is in the QR only). */}
                        <p className="flex flex-col items-center">
                          <span className="text-xs text-stone-600">{t("manualCode")}</span>
                          <span className="font-mono text-xl font-semibold tracking-wider text-stone-900" data-testid="ticket-short-code">{web.shortCode}</span>
                        </p>
                      </>
                    ) : (
                      <p className="py-4 text-sm text-stone-700">{t("codeLater")}</p>
                    )}
                    {until && ticket.status === "valid" ? (
                      <HolderForm orderId={order.id} ticketId={ticket.id} access={owner ? null : access} name={ticket.holderName} email={ticket.holderEmail} until={untilText} index={index + 1} action={changeHolderAction} />
                    ) : null}
                    {manager && cancellation?.until && ticket.status === "valid" && validTickets > 1 && ticket.ticketTypeId !== null ? (
                      <CancelForm
                        orderId={order.id}
                        ticketId={ticket.id}
                        access={owner ? null : access}
                        label={t("cancelTicket", { index: index + 1 })}
                        refund={money(cancellation.byTicket.get(ticket.id)?.refundMinor ?? 0)}
                        fee={(cancellation.byTicket.get(ticket.id)?.feeMinor ?? 0) > 0 ? money(cancellation.byTicket.get(ticket.id)!.feeMinor) : null}
                        action={cancelAction}
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {viewer ? <Link href="/account" className="font-medium text-brand-700 underline">{t("allTickets")}</Link> : null}
      {paid && owner ? <OfflineTickets enabled={offline} account={offlineAccountKey(viewer.id)} /> : null}
    </div>
  );
}
