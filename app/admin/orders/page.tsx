import { adminTitle } from "@/app/admin/admin-title";
import Link from "next/link";
import { StatusBadge } from "@/components/admin/status-badge";
import { findOrders, listRecentOrders } from "@/lib/admin/orders/find-orders";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { formatMoney } from "@/lib/money";
import { firstParam, type PageSearchParams } from "@/lib/search-params";

export const generateMetadata = adminTitle("Orders");

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const query = await searchParams;
  const q = (firstParam(query.q) ?? "").trim();
  const orders = q ? await findOrders({ actor, q }) : await listRecentOrders({ actor });

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Orders</h1>
      <form method="get" role="search" aria-label="Orders" className="flex flex-wrap items-end gap-3">
        <div className="flex min-w-56 flex-1 flex-col gap-1">
          <label htmlFor="orders-q" className="text-sm font-medium">Order reference or buyer&apos;s email</label>
          <input id="orders-q" name="q" defaultValue={q} placeholder="LT-7K2M9QXD or sam@example.com" autoCapitalize="none" spellCheck={false} className="min-h-11 rounded-lg border border-stone-300 bg-white px-3" />
        </div>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">Find</button>
      </form>
      <h2 className="text-lg font-semibold">{q ? `${orders.length} ${orders.length === 1 ? "order" : "orders"} for “${q}”` : "Latest orders"}</h2>
      <ul className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
        {orders.map((order) => (
          <li key={order.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="flex flex-col">
              <Link href={`/admin/orders/${order.id}`} className="font-mono font-semibold text-brand-700 underline-offset-2 hover:underline">{order.reference}</Link>
              <span className="text-sm text-stone-700">{order.email} · {order.event_title ?? "deleted event"}</span>
              <span className="text-sm text-stone-600">{order.created_at.toISOString().slice(0, 16).replace("T", " ")} UTC</span>
            </div>
            <div className="flex items-center gap-3">
              <span className="font-medium">{formatMoney(order.total_minor, order.currency)}</span>
              <StatusBadge status={order.status} />
            </div>
          </li>
        ))}
        {orders.length === 0 ? <li className="p-4 text-stone-700">No orders found. Try the full reference or email address.</li> : null}
      </ul>
    </div>
  );
}
