import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Countdown } from "@/components/countdown";
import { LocalPayForm } from "@/components/local-pay-form";
import { currentUser, requireUser } from "@/lib/auth";
import { formatMoney } from "@/lib/money";
import { secondsUntil } from "@/lib/time";
import { getOrderForViewer } from "@/lib/orders/get-order";
import { payLocallyAction } from "../../actions";

export const metadata: Metadata = { title: "Pay", robots: { index: false } };

export default async function LocalPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireUser(`/orders/${id}/pay`);
  const order = await getOrderForViewer(id, await currentUser());
  if (!order) notFound();
  if (order.status !== "pending") redirect(`/orders/${order.id}`);
  const amount = formatMoney(order.totalMinor, order.currency);
  const title = order.items[0]?.ticketType.session.event.title ?? order.bookings[0]?.resource.event.title ?? "Your order";

  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <p className="rounded-lg bg-amber-100 px-3 py-2 text-sm font-medium text-amber-950">
        Test payments: no Stripe key is set, so this local provider stands in. No money moves.
      </p>
      <h1 className="text-2xl font-bold">Pay for {title}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-2xl border border-stone-200 bg-white p-4">
        <dt className="text-stone-600">Order</dt><dd className="font-mono">{order.reference}</dd>
        <dt className="text-stone-600">Total</dt><dd className="font-semibold">{amount}</dd>
        <dt className="text-stone-600">Held for</dt><dd><Countdown secondsLeft={secondsUntil(order.holdExpiresAt)} /></dd>
      </dl>
      <LocalPayForm orderId={order.id} amount={amount} action={payLocallyAction} />
    </div>
  );
}
