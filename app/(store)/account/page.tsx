import type { Metadata } from "next";
import Link from "next/link";
import { OfflineTickets } from "@/components/offline-tickets";
import { env } from "@/lib/env";
import { requireUser } from "@/lib/auth";
import { formatShortDayTime } from "@/lib/catalog/format-when";
import { formatMoney } from "@/lib/money";
import type { TicketOrderSummary } from "@/lib/tickets/group-ticket-orders";
import { listTicketOrders } from "@/lib/tickets/list-ticket-orders";

export const metadata: Metadata = { title: "My tickets", robots: { index: false } };

const STATUS_LABEL: Record<string, string> = {
  paid: "Confirmed", pending: "Awaiting payment", expired: "Expired", cancelled: "Cancelled", refund_required: "Refund in progress", refunded: "Refunded",
};

function OrderList({ orders, label }: { orders: TicketOrderSummary[]; label: string }) {
  return (
    <ul className="flex flex-col gap-2" aria-label={label}>
      {orders.map((order) => (
        <li key={order.id}>
          <Link href={`/orders/${order.id}`} className="flex items-start justify-between gap-3 rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-600" data-testid="ticket-order">
            <span className="flex min-w-0 flex-col">
              <span className="font-semibold">{order.eventTitle}</span>
              <time dateTime={order.startsAt.toISOString()} className="text-sm font-medium text-brand-700">{formatShortDayTime(order.startsAt, order.timeZone)}</time>
              <span className="text-sm text-stone-700">{order.venueName}</span>
            </span>
            <span className="flex shrink-0 flex-col items-end text-sm">
              <span className="font-medium">{order.status === "paid" ? `${order.ticketCount} ${order.ticketCount === 1 ? "ticket" : "tickets"}` : STATUS_LABEL[order.status]}</span>
              <span className="text-stone-700">{formatMoney(order.totalMinor, order.currency)}</span>
              <span className="font-mono text-xs text-stone-600">{order.reference}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const { upcoming, past } = await listTicketOrders(user.id);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">My tickets</h1>
      <OfflineTickets enabled={env().NODE_ENV === "production"} />
      <p className="text-stone-700">
        Signed in as {user.email} · <Link href="/account/tokens" className="font-medium text-brand-700 underline">API tokens</Link>
      </p>
      <section aria-labelledby="upcoming" className="flex flex-col gap-2">
        <h2 id="upcoming" className="text-lg font-semibold">Upcoming</h2>
        {upcoming.length === 0 ? (
          <p className="rounded-xl bg-white p-4">Nothing coming up. <Link href="/" className="font-medium text-brand-700 underline">Find something to do</Link>.</p>
        ) : (
          <OrderList orders={upcoming} label="Upcoming" />
        )}
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="past" className="flex flex-col gap-2">
          <h2 id="past" className="text-lg font-semibold">Past</h2>
          <OrderList orders={past} label="Past" />
        </section>
      ) : null}
    </div>
  );
}
