import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { Countdown } from "@/components/countdown";
import { LocalPayForm } from "@/components/local-pay-form";
import { currentUser, requireUser } from "@/lib/auth";
import type { Locale } from "@/lib/i18n/locales";
import { redirect } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { secondsUntil } from "@/lib/time";
import { getOrderForViewer } from "@/lib/orders/get-order";
import { ACCESS_PARAM, withAccess } from "@/lib/orders/order-access";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { usesLocalProvider } from "@/lib/payments/provider";
import { payLocallyAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pay"))("title"), robots: { index: false } };
}

export default async function LocalPaymentPage({ params, searchParams }: { params: Promise<{ id: string; locale: Locale }>; searchParams: Promise<PageSearchParams> }) {
  const [{ id, locale }, query, t] = await Promise.all([params, searchParams, getTranslations("pay")]);
  // A guest pays with the order's private link; a buyer with an account signs in.
  const access = firstParam(query[ACCESS_PARAM]) ?? null;
  const viewer = access ? await currentUser() : await requireUser(`/orders/${id}/pay`, locale);
  const order = await getOrderForViewer(id, viewer, access);
  if (!order) notFound();
  // Only the local test provider pays here; with Stripe, the order page's "Continue to payment" resumes Checkout.
  if (order.status !== "pending" || !usesLocalProvider()) redirect({ href: withAccess(`/orders/${order.id}`, access), locale });
  const amount = formatMoney(order.totalMinor, order.currency, locale);
  const title = order.items[0]?.ticketType.session.event.title ?? order.bookings[0]?.resource.event.title ?? t("yourOrder");

  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <p className="rounded-lg bg-amber-100 px-3 py-2 text-sm font-medium text-amber-950">
        {t("testNotice")}
      </p>
      <h1 className="text-2xl font-bold">{t("heading", { title })}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-2xl border border-stone-200 bg-white p-4">
        <dt className="text-stone-600">{t("order")}</dt><dd className="font-mono">{order.reference}</dd>
        <dt className="text-stone-600">{t("total")}</dt><dd className="font-semibold">{amount}</dd>
        <dt className="text-stone-600">{t("heldFor")}</dt><dd><Countdown secondsLeft={secondsUntil(order.holdExpiresAt)} /></dd>
      </dl>
      <LocalPayForm orderId={order.id} amount={amount} access={access} action={payLocallyAction} />
    </div>
  );
}
