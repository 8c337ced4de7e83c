import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PersonalPicksSetting } from "@/components/discovery/personal-picks-setting";
import { OfflineTickets } from "@/components/offline-tickets";
import { requireUser } from "@/lib/auth";
import { offlineAccountKey } from "@/lib/auth/offline-account";
import { env } from "@/lib/env";
import { formatShortDayTime, yearNeeded } from "@/lib/catalog/format-when";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import type { TicketOrderSummary } from "@/lib/tickets/group-ticket-orders";
import { listTicketOrders } from "@/lib/tickets/list-ticket-orders";
import { listTicketsHeldBy } from "@/lib/tickets/held-tickets";
import { isEmailVerified } from "@/lib/auth/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title"), robots: { index: false } };
}

const STATUS_LABEL = {
  paid: "statusPaid", pending: "statusPending", expired: "statusExpired", cancelled: "statusCancelled", refund_required: "statusRefundRequired", refunded: "statusRefunded",
} as const;

type Translate = Awaited<ReturnType<typeof getTranslations<"account">>>;

function OrderList({ orders, label, locale, withYear, t }: { orders: TicketOrderSummary[]; label: string; locale: Locale; withYear: boolean; t: Translate }) {
  return (
    <ul className="flex flex-col gap-2" aria-label={label}>
      {orders.map((order) => (
        <li key={order.id}>
          <Link href={`/orders/${order.id}`} className="flex items-start justify-between gap-3 rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-600" data-testid="ticket-order">
            <span className="flex min-w-0 flex-col">
              <span className="font-semibold">{order.eventTitle}</span>
              <time dateTime={order.startsAt.toISOString()} className="text-sm font-medium text-brand-700">{formatShortDayTime(order.startsAt, order.timeZone, undefined, locale, withYear)}</time>
              <span className="text-sm text-stone-700">{order.venueName}</span>
            </span>
            <span className="flex shrink-0 flex-col items-end text-sm">
              <span className="font-medium">{order.status === "paid" ? t("ticketCount", { count: order.ticketCount }) : t(STATUS_LABEL[order.status as keyof typeof STATUS_LABEL])}</span>
              <span className="text-stone-700">{formatMoney(order.totalMinor, order.currency, locale)}</span>
              <span className="font-mono text-xs text-stone-600">{order.reference}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function AccountPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const [{ locale }, t] = await Promise.all([params, getTranslations("account")]);
  const user = await requireUser("/account", locale);
  const verifiedEmail = isEmailVerified(user) ? user.email.toLowerCase() : null;
  const [{ upcoming, past }, given] = await Promise.all([
    listTicketOrders({ userId: user.id, verifiedEmail }),
    verifiedEmail ? listTicketsHeldBy(verifiedEmail) : Promise.resolve([]),
  ]);
  // One date format on the page: every date with its year when any is in another year.
  const withYear = [...upcoming, ...past].some((order) => yearNeeded([order.startsAt], order.timeZone));
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <OfflineTickets enabled={env().NODE_ENV === "production"} account={offlineAccountKey(user.id)} />
      <p className="text-stone-700">
        {t("signedInAs", { email: user.email })} · <Link href="/account/tokens" className="font-medium text-brand-700 underline">{t("apiTokens")}</Link> · <Link href="/account/calendar" className="font-medium text-brand-700 underline">{t("calendarFeed")}</Link>
      </p>
      <section aria-labelledby="upcoming" className="flex flex-col gap-2">
        <h2 id="upcoming" className="text-lg font-semibold">{t("upcoming")}</h2>
        {upcoming.length === 0 ? (
          <p className="rounded-xl bg-white p-4">{t("nothingUpcoming")} <Link href="/" className="font-medium text-brand-700 underline">{t("findSomething")}</Link>.</p>
        ) : (
          <OrderList orders={upcoming} label={t("upcoming")} locale={locale} withYear={withYear} t={t} />
        )}
      </section>
      {given.length > 0 ? (
        <section aria-labelledby="given" className="flex flex-col gap-2" data-testid="given-tickets">
          <h2 id="given" className="text-lg font-semibold">{t("givenToYou")}</h2>
          <ul className="flex flex-col gap-2" aria-label={t("givenToYou")}>
            {given.map((ticket) => (
              <li key={ticket.id}>
                <Link href={`/tickets/${ticket.id}`} className="flex min-h-11 flex-col rounded-xl border border-stone-200 bg-white p-3 hover:border-brand-600">
                  <span className="font-semibold">{ticket.eventTitle}</span>
                  <span className="text-sm text-stone-700">
                    <time dateTime={ticket.startsAt.toISOString()}>{formatShortDayTime(ticket.startsAt, ticket.timeZone, undefined, locale, withYear)}</time> · {ticket.venueName} · {ticket.holderName}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {past.length > 0 ? (
        <section aria-labelledby="past" className="flex flex-col gap-2">
          <h2 id="past" className="text-lg font-semibold">{t("past")}</h2>
          <OrderList orders={past} label={t("past")} locale={locale} withYear={withYear} t={t} />
        </section>
      ) : null}
      <PersonalPicksSetting userId={user.id} />
    </div>
  );
}
