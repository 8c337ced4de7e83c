import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckoutBookingForm } from "@/components/checkout-booking-form";
import { requireUser } from "@/lib/auth";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { formatMoney } from "@/lib/money";
import { toSearchParams, type PageSearchParams } from "@/lib/search-params";
import { formatLongDay, formatTime } from "@/lib/catalog/format-when";
import { reserveBookingAction } from "../actions";

export const metadata: Metadata = { title: "Book", robots: { index: false } };

export default async function BookingCheckoutPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  await requireUser(`/checkout/booking?${params.toString()}`);
  const event = await getPublicEventBySlug(params.get("event") ?? "");
  const resource = event?.resources.find((candidate) => candidate.id === params.get("resource"));
  const start = new Date(params.get("start") ?? "");
  const minutes = Number(params.get("minutes"));
  if (!event || !resource || Number.isNaN(start.getTime()) || !Number.isInteger(minutes) || minutes <= 0) notFound();

  const end = new Date(start.getTime() + minutes * 60_000);
  const zone = event.venue.timeZone;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <Link href={`/events/${event.slug}`} className="text-sm font-medium text-brand-700 underline">← Back to {event.title}</Link>
      <h1 className="text-2xl font-bold">Your booking</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-2xl border border-stone-200 bg-white p-4">
        <dt className="text-stone-600">What</dt><dd className="font-medium">{event.title} · {resource.name}</dd>
        <dt className="text-stone-600">When</dt>
        <dd className="font-medium">
          {formatLongDay(start, zone)}, {formatTime(start, zone)}–{formatTime(end, zone)}
        </dd>
        <dt className="text-stone-600">Where</dt><dd>{event.venue.name}, {event.venue.address}</dd>
        <dt className="text-stone-600">Price</dt><dd className="font-medium">{formatMoney((minutes / resource.slotMinutes) * resource.priceMinorPerSlot, resource.currency)}</dd>
      </dl>
      <CheckoutBookingForm resourceId={resource.id} start={start.toISOString()} minutes={minutes} action={reserveBookingAction} />
    </div>
  );
}
