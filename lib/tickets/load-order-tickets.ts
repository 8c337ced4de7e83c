import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { ticketTypeNameIn } from "@/lib/catalog/ticket-type-name";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { describeWhen } from "./describe-when";
import { signTicketCode } from "./keys";
import type { TicketPdf, TicketsPdfData } from "./render-ticket-pdf";

type Place = { eventId?: string; title: string; venueName: string; venueAddress: string; timeZone: string; startsAt: Date; endsAt: Date; range: boolean };

export type OrderTickets = {
  id: string;
  reference: string;
  status: string;
  paidAt: Date | null;
  totalMinor: number;
  currency: string;
  paymentProvider: string | null;
  paymentRef: string | null;
  buyer: { name: string; email: string };
  /** The buyer's language, kept on the order: the email and the PDF speak it. */
  locale: Locale;
  /** What the order is for, from its first item or booking (null only for an empty order). */
  summary: { eventTitle: string; when: string; venueName: string; venueAddress: string; lastEndsAt: Date } | null;
  /** Facts a refund notice explains itself with. */
  refundFacts: { placesReleased: boolean; eventCancelled: boolean; bookingCancelled: boolean; hasBookings: boolean };
  /** Only the valid tickets, each with its signed door code. */
  pdf: TicketsPdfData;
};

const venueSelect = { select: { name: true, address: true, timeZone: true } } as const;
// The event's title and its translations' (a few short rows): the buyer reads it in the order's language.
const eventTitle = { id: true, title: true, language: true, translations: { select: { locale: true, title: true } } } as const;

type TitledEvent = { id: string; title: string; language: string; translations: { locale: string; title: string }[] };

/** The event's title in `locale` where it is translated, else its own. */
function titleIn(event: TitledEvent, locale: Locale): string {
  if (event.language === locale) return event.title;
  return event.translations.find((translation) => translation.locale === locale)?.title ?? event.title;
}

function findOrder(orderId: string) {
  return prisma.order.findUnique({
    where: { id: orderId },
    include: {
      items: {
        orderBy: { ticketTypeId: "asc" },
        select: {
          status: true,
          ticketType: { select: { session: { select: { startsAt: true, endsAt: true, cancelled: true, event: { select: { ...eventTitle, status: true } }, venue: venueSelect } } } },
        },
      },
      bookings: {
        orderBy: { startsAt: "asc" },
        select: { startsAt: true, endsAt: true, status: true, resource: { select: { name: true, event: { select: { ...eventTitle, status: true } }, venue: venueSelect } } },
      },
      tickets: {
        where: { status: "valid" },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          shortCode: true,
          holderName: true,
          ticketType: { select: { name: true, nameTranslations: true, session: { select: { startsAt: true, endsAt: true, event: { select: eventTitle }, venue: venueSelect } } } },
          booking: { select: { startsAt: true, endsAt: true, resource: { select: { name: true, event: { select: eventTitle }, venue: venueSelect } } } },
        },
      },
    },
  });
}

type SessionShape = { startsAt: Date; endsAt: Date; event: TitledEvent; venue: { name: string; address: string; timeZone: string } };
type BookingShape = { startsAt: Date; endsAt: Date; resource: { name: string; event: TitledEvent; venue: { name: string; address: string; timeZone: string } } };

function placeOfSession(session: SessionShape, locale: Locale): Place {
  return { eventId: session.event.id, title: titleIn(session.event, locale), venueName: session.venue.name, venueAddress: session.venue.address, timeZone: session.venue.timeZone, startsAt: session.startsAt, endsAt: session.endsAt, range: false };
}

function placeOfBooking(booking: BookingShape, locale: Locale): Place {
  const venue = booking.resource.venue;
  return { eventId: booking.resource.event.id, title: titleIn(booking.resource.event, locale), venueName: venue.name, venueAddress: venue.address, timeZone: venue.timeZone, startsAt: booking.startsAt, endsAt: booking.endsAt, range: true };
}

/** Everything the ticket PDF and the delivery and refund emails show, or null for an unknown order. */
export async function loadOrderTickets(orderId: string): Promise<OrderTickets | null> {
  if (!z.uuid().safeParse(orderId).success) return null;
  const order = await findOrder(orderId);
  if (!order) return null;

  const locale = toLocale(order.locale);
  const places = [
    ...order.items.map((item) => placeOfSession(item.ticketType.session, locale)),
    ...order.bookings.map((booking) => placeOfBooking(booking, locale)),
  ];
  const first = places[0];
  const summary = first
    ? {
        eventTitle: first.title,
        when: describeWhen({ startsAt: first.startsAt, endsAt: first.endsAt, timeZone: first.timeZone, range: first.range, locale }),
        venueName: first.venueName,
        venueAddress: first.venueAddress,
        lastEndsAt: new Date(Math.max(...places.map((place) => place.endsAt.getTime()))),
      }
    : null;

  const tickets: TicketPdf[] = [];
  for (const ticket of order.tickets) {
    const place = ticket.ticketType ? placeOfSession(ticket.ticketType.session, locale) : ticket.booking ? placeOfBooking(ticket.booking, locale) : null;
    if (!place?.eventId) continue;
    tickets.push({
      id: ticket.id,
      holderName: ticket.holderName,
      ticketTypeName: ticket.ticketType ? ticketTypeNameIn(ticket.ticketType, locale) : (ticket.booking?.resource.name ?? translatorFor(locale, "pdf")("ticket")),
      eventTitle: place.title,
      when: describeWhen({ startsAt: place.startsAt, endsAt: place.endsAt, timeZone: place.timeZone, range: place.range, locale }),
      venueName: place.venueName,
      venueAddress: place.venueAddress,
      signedCode: signTicketCode({ ticketId: ticket.id, eventId: place.eventId, orderReference: order.reference, startsAt: place.startsAt }),
      shortCode: ticket.shortCode,
    });
  }

  return {
    id: order.id,
    reference: order.reference,
    status: order.status,
    paidAt: order.paidAt,
    totalMinor: order.totalMinor,
    currency: order.currency,
    paymentProvider: order.paymentProvider,
    paymentRef: order.paymentRef,
    // The order's own buyer (an account's or not): the email goes there.
    buyer: { name: order.buyerName, email: order.buyerEmail },
    locale,
    summary,
    refundFacts: {
      placesReleased: [...order.items, ...order.bookings].some((place) => place.status === "released"),
      eventCancelled:
        order.items.some((item) => item.ticketType.session.cancelled || item.ticketType.session.event.status === "cancelled") ||
        order.bookings.some((booking) => booking.resource.event.status === "cancelled"),
      bookingCancelled: order.bookings.some((booking) => booking.status === "cancelled"),
      hasBookings: order.bookings.length > 0,
    },
    pdf: { orderReference: order.reference, issuedAt: order.paidAt ?? order.createdAt, tickets, locale },
  };
}
