import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { formatMoney } from "@/lib/money";
import { listOrdersOfUser } from "@/lib/orders/get-order";

export const metadata: Metadata = { title: "My tickets", robots: { index: false } };

const STATUS_LABEL: Record<string, string> = {
  paid: "Confirmed", pending: "Awaiting payment", expired: "Expired", cancelled: "Cancelled", refund_required: "Refund in progress", refunded: "Refunded",
};

export default async function AccountPage() {
  const user = await requireUser("/account");
  const orders = await listOrdersOfUser(user.id);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">My tickets</h1>
      <p className="text-stone-700">
        Signed in as {user.email} · <Link href="/account/tokens" className="font-medium text-brand-700 underline">API tokens</Link>
      </p>
      {orders.length === 0 ? (
        <p className="rounded-xl bg-white p-4">No orders yet. <Link href="/" className="font-medium text-brand-700 underline">Find something to do</Link>.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {orders.map((order) => {
            const title = order.items[0]?.ticketType.session.event.title ?? order.bookings[0]?.resource.event.title ?? "Order";
            return (
              <li key={order.id}>
                <Link href={`/orders/${order.id}`} className="flex items-center justify-between gap-3 rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-600">
                  <span className="flex flex-col">
                    <span className="font-semibold">{title}</span>
                    <span className="font-mono text-xs text-stone-600">{order.reference}</span>
                  </span>
                  <span className="flex flex-col items-end text-sm">
                    <span className="font-medium">{STATUS_LABEL[order.status]}</span>
                    <span>{formatMoney(order.totalMinor, order.currency)}</span>
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
