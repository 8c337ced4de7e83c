import { adminTitle } from "@/app/admin/admin-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { AnswerList } from "@/components/admin/answer-list";
import { AuditList } from "@/components/admin/audit-list";
import { StatusBadge } from "@/components/admin/status-badge";
import { getAdminOrder } from "@/lib/admin/orders/get-admin-order";
import { listAuditLog } from "@/lib/admin/list-audit-log";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { formatMoney } from "@/lib/money";
import { formatInZone } from "@/lib/time";
import { refundOrderAction, resendTicketsAction } from "../actions";

export const generateMetadata = adminTitle("Order");

const when = (instant: Date, timeZone: string) => formatInZone(instant, timeZone, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
const utc = (instant: Date | null) => (instant ? `${instant.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminActor();
  const { id } = await params;
  const order = await getAdminOrder({ actor, orderId: id });
  if (!order) notFound();
  const history = await listAuditLog({ actor, entityType: "order", entityId: order.id, limit: 20 });
  const event = order.items[0]?.ticketType.session.event ?? order.bookings[0]?.resource.event ?? null;

  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin/orders" className="text-sm font-medium text-brand-700 underline">All orders</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-bold tracking-tight">{order.reference}</h1>
        <StatusBadge status={order.status} />
      </div>

      <dl className="grid gap-x-6 gap-y-2 rounded-2xl border border-stone-200 bg-white p-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-stone-700">Buyer</dt>
        <dd>{order.buyerName} · <a href={`mailto:${order.buyerEmail}`} className="text-brand-700 underline">{order.buyerEmail}</a>{order.user ? null : " (guest)"}</dd>
        <dt className="font-medium text-stone-700">Event</dt>
        <dd>{event ? <Link href={`/admin/events/${event.id}`} className="text-brand-700 underline">{event.title}</Link> : "—"}</dd>
        <dt className="font-medium text-stone-700">Total</dt>
        <dd>{formatMoney(order.totalMinor, order.currency)}</dd>
        <dt className="font-medium text-stone-700">Created</dt>
        <dd>{utc(order.createdAt)}</dd>
        <dt className="font-medium text-stone-700">Paid</dt>
        <dd>{utc(order.paidAt)}{order.paymentProvider ? ` · ${order.paymentProvider}${order.paymentRef ? ` ${order.paymentRef}` : ""}` : ""}</dd>
      </dl>

      <section aria-labelledby="lines-heading" className="flex flex-col gap-2">
        <h2 id="lines-heading" className="text-lg font-semibold">What was bought</h2>
        <ul className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {order.items.map((item) => (
            <li key={item.id} className="flex flex-wrap justify-between gap-2 p-4">
              <span>
                {item.quantity} × {item.ticketType.name} · {when(item.ticketType.session.startsAt, item.ticketType.session.venue.timeZone)}, {item.ticketType.session.venue.name}
              </span>
              <span className="flex items-center gap-2">{formatMoney(item.unitPriceMinor * item.quantity, order.currency)} <StatusBadge status={item.status} /></span>
            </li>
          ))}
          {order.bookings.map((booking) => (
            <li key={booking.id} className="flex flex-wrap justify-between gap-2 p-4">
              <span>{booking.resource.name} · {when(booking.startsAt, booking.resource.venue.timeZone)} to {formatInZone(booking.endsAt, booking.resource.venue.timeZone, { hour: "2-digit", minute: "2-digit" })}</span>
              <StatusBadge status={booking.status} />
            </li>
          ))}
        </ul>
      </section>

      {order.answers.length > 0 ? (
        <section aria-labelledby="answers-heading" className="flex flex-col gap-2">
          <h2 id="answers-heading" className="text-lg font-semibold">Answers</h2>
          <AnswerList lines={order.answers} className="rounded-2xl border border-stone-200 bg-white p-4" />
        </section>
      ) : null}

      <section aria-labelledby="tickets-heading" className="flex flex-col gap-2">
        <h2 id="tickets-heading" className="text-lg font-semibold">Tickets</h2>
        {order.tickets.length === 0 ? <p className="text-stone-700">No tickets were issued for this order.</p> : (
          <ul className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" data-testid="order-tickets">
            {order.tickets.map((ticket) => (
              <li key={ticket.id} className="flex flex-col gap-2 p-4" data-testid="order-ticket">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0 break-words">
                    <p><span className="font-semibold">{ticket.holderName}</span>{ticket.holderEmail ? <> · <a href={`mailto:${ticket.holderEmail}`} className="text-brand-700 underline">{ticket.holderEmail}</a></> : null}</p>
                    <p className="text-sm text-stone-700">{ticket.ticketType?.name ?? ticket.booking?.resource.name ?? "Ticket"} · <span className="font-mono">…{ticket.codeEnd}</span></p>
                    {ticket.reissuedAs ? <p className="text-sm text-stone-700">Re-issued as <span className="font-mono">…{ticket.reissuedAs.codeEnd}</span> (holder changed)</p> : null}
                    {ticket.reissuedFrom ? <p className="text-sm text-stone-700">Re-issued from <span className="font-mono">…{ticket.reissuedFrom.codeEnd}</span></p> : null}
                  </div>
                  <StatusBadge status={ticket.status} />
                </div>
                <AnswerList lines={ticket.answers} />
              </li>
            ))}
          </ul>
        )}
        {order.attendees.length > 0 ? (
          <>
            <h3 className="font-semibold">Holders given at checkout</h3>
            <ul className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
              {order.attendees.map((attendee, index) => (
                <li key={index} className="flex flex-col gap-2 p-4">
                  <p className="min-w-0 break-words">
                    <span className="font-semibold">{attendee.name ?? order.buyerName}</span>{attendee.email ? ` · ${attendee.email}` : ""}
                    <span className="text-sm text-stone-700"> · {attendee.ticketTypeName}</span>
                  </p>
                  <AnswerList lines={attendee.answers} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="delivery-heading" className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4">
        <h2 id="delivery-heading" className="text-lg font-semibold">Delivery</h2>
        {order.delivery ? (
          <p className="flex flex-wrap items-center gap-2">
            <StatusBadge status={order.delivery.status} /> attempt {order.delivery.attempts} of {order.delivery.maxAttempts} · last change {utc(order.delivery.updatedAt)}
          </p>
        ) : <p className="text-stone-700">No delivery job.</p>}
        {order.delivery?.lastError ? <p className="rounded-lg bg-red-50 p-2 font-mono text-sm text-red-900">{order.delivery.lastError}</p> : null}
        {order.emails.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm" aria-label="Ticket emails" data-testid="admin-ticket-emails">
            {order.emails.map((email) => (
              <li key={`${email.toAddress}-${email.sentAt.toISOString()}`} className="flex flex-wrap items-center gap-2">
                <span className="break-all">{email.toAddress}</span> · {utc(email.sentAt)} · <StatusBadge status={email.state} />
                {email.detail ? <span className="w-full text-red-800">{email.detail}</span> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {order.refund ? (
          <p className="flex flex-wrap items-center gap-2">Refund job: <StatusBadge status={order.refund.status} /> {order.refund.lastError ? <span className="font-mono text-sm text-red-900">{order.refund.lastError}</span> : null}</p>
        ) : null}
        {order.refunds.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm" aria-label="Refunds" data-testid="admin-refunds">
            {order.refunds.map((refund) => (
              <li key={refund.id}>
                {utc(refund.createdAt)} · {refund.reason === "cancelled" ? "cancelled by the buyer" : refund.reason === "places_gone" ? "paid after the places went" : "refunded"} ·{" "}
                {formatMoney(refund.amountMinor, order.currency)} back{refund.feeMinor > 0 ? `, ${formatMoney(refund.feeMinor, order.currency)} fee kept` : ""} · {refund.status === "paid" ? `paid ${utc(refund.paidAt!)}` : "pending"}
              </li>
            ))}
          </ul>
        ) : null}
        {order.status === "paid" ? (
          <ActionButtonForm action={resendTicketsAction.bind(null, order.id)} label="Send the tickets again" pendingLabel="Queueing…" />
        ) : null}
      </section>

      {order.status === "paid" ? (
        <section aria-labelledby="refund-heading" className="flex flex-col gap-3 rounded-2xl border border-red-200 bg-white p-4">
          <h2 id="refund-heading" className="text-lg font-semibold">Refund</h2>
          <p className="text-sm text-stone-700">A full refund: the tickets stop working, the places go back on sale and what the buyer has not had back yet is returned to them.</p>
          <ActionButtonForm action={refundOrderAction.bind(null, order.id)} confirmLabel={`Refund ${formatMoney(order.totalMinor - order.refunds.reduce((sum, refund) => sum + refund.amountMinor + refund.feeMinor, 0), order.currency)} and void the tickets`} label="Refund order" pendingLabel="Refunding…" tone="danger" />
        </section>
      ) : null}

      <section aria-labelledby="order-history-heading" className="flex flex-col gap-2">
        <h2 id="order-history-heading" className="text-lg font-semibold">History</h2>
        <AuditList entries={history} />
      </section>
    </div>
  );
}
