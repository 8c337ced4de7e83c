// The demo's waiting list (issue 29.3): the sold-out comedy cellar's next show has three people
// in line for general admission; one place came back (the venue added a seat), so the first of
// them holds an offer and two still wait. Written inside the seed's transaction, after the
// ticket types: the offer is made by the database itself (the trigger on ticket_types that runs
// waitlist_offer_freed), exactly as a cancellation would make it. Nothing here imports
// server-only code: the leave links of these made-up people are random and never sent.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import { instantAt, localDateAndMinute } from "../time";

export const DEMO_WAITLIST = {
  slug: "kreuzberg-comedy-cellar",
  typeName: "General admission",
  people: [
    { email: "lena.weiss@example.org", name: "Lena Weiss", quantity: 1, locale: "de" },
    { email: "tom.hardy-fan@example.org", name: "Tom Baker", quantity: 2, locale: "en" },
    { email: "ines.costa@example.org", name: "Inês Costa", quantity: 1, locale: "pt" },
  ],
} as const;

export async function seedDemoWaitlist(tx: Prisma.TransactionClient, options: { eventId: string; ticketTypeId: string; id: (name: string) => string; now: number }): Promise<void> {
  await tx.waitlistEntry.createMany({
    data: DEMO_WAITLIST.people.map((person, index) => ({
      id: options.id(`waitlist:${person.email}`),
      eventId: options.eventId,
      ticketTypeId: options.ticketTypeId,
      email: person.email,
      name: person.name,
      quantity: person.quantity,
      locale: person.locale,
      createdAt: new Date(options.now - (DEMO_WAITLIST.people.length - index) * 3_600_000),
      leaveTokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
    })),
  });
  // One more seat: the trigger offers it to the first in line, in this transaction.
  await tx.$executeRaw`UPDATE ticket_types SET capacity = capacity + 1 WHERE id = ${options.ticketTypeId}::uuid`;
}

// A bookable experience's waiting list (docs/decisions/0021): the sailboat's sunset charter the
// day after tomorrow, 18:00–20:00 on the venue's clock, is booked and paid, and one person waits
// for that time. Should the booking be cancelled, the trigger on bookings holds the time for her
// at once, as an offer by email.
export const DEMO_RANGE_WAITLIST = {
  slug: "tagus-sunset-sailing-trip",
  fromMinute: 18 * 60,
  toMinute: 20 * 60,
  person: { email: "marta.vidal@example.org", name: "Marta Vidal", locale: "es" },
} as const;

export async function seedDemoRangeWaitlist(
  tx: Prisma.TransactionClient,
  options: { eventId: string; resourceId: string; buyer: { id: string; email: string; name: string; locale: string }; id: (name: string) => string; now: number },
): Promise<void> {
  const [resource] = await tx.$queryRaw<{ time_zone: string; slot_minutes: number; price_minor_per_slot: number; currency: string }[]>`
    SELECT v.time_zone, r.slot_minutes, r.price_minor_per_slot, r.currency FROM resources r JOIN venues v ON v.id = r.venue_id WHERE r.id = ${options.resourceId}::uuid`;
  const day = localDateAndMinute(new Date(options.now + 2 * 86_400_000), resource.time_zone).date;
  const startsAt = instantAt(day, DEMO_RANGE_WAITLIST.fromMinute, resource.time_zone);
  const endsAt = instantAt(day, DEMO_RANGE_WAITLIST.toMinute, resource.time_zone);
  const total = ((DEMO_RANGE_WAITLIST.toMinute - DEMO_RANGE_WAITLIST.fromMinute) / resource.slot_minutes) * resource.price_minor_per_slot;
  const orderId = options.id("order:range-waitlist");
  const bookingId = options.id("booking:range-waitlist");
  const paidAt = new Date(options.now - 26 * 3_600_000);
  await tx.$executeRaw`
    INSERT INTO orders (id, reference, user_id, buyer_email, buyer_name, event_id, status, total_minor, currency, hold_expires_at, payment_provider, payment_ref, created_at, paid_at, locale)
    VALUES (${orderId}::uuid, 'LT-SUNSET18', ${options.buyer.id}::uuid, ${options.buyer.email.toLowerCase()}, ${options.buyer.name}, ${options.eventId}::uuid, 'paid',
            ${total}, ${resource.currency}, ${paidAt}::timestamptz, 'local', 'demo-sunset', ${paidAt}::timestamptz, ${paidAt}::timestamptz, ${options.buyer.locale})`;
  await tx.$executeRaw`
    INSERT INTO bookings (id, resource_id, order_id, starts_at, ends_at, status, created_at)
    VALUES (${bookingId}::uuid, ${options.resourceId}::uuid, ${orderId}::uuid, ${startsAt}::timestamptz, ${endsAt}::timestamptz, 'sold', ${paidAt}::timestamptz)`;
  await tx.$executeRaw`
    INSERT INTO tickets (order_id, booking_id, code, short_code, holder_name, created_at)
    VALUES (${orderId}::uuid, ${bookingId}::uuid, new_ticket_code(), new_ticket_short_code(), ${options.buyer.name}, ${paidAt}::timestamptz)`;
  await tx.$executeRaw`SELECT ledger_record_payment(${orderId}::uuid)`;
  const person = DEMO_RANGE_WAITLIST.person;
  await tx.waitlistEntry.create({
    data: {
      id: options.id(`waitlist:${person.email}`),
      eventId: options.eventId,
      resourceId: options.resourceId,
      startsAt,
      endsAt,
      email: person.email,
      name: person.name,
      quantity: 1,
      locale: person.locale,
      createdAt: new Date(options.now - 5 * 3_600_000),
      leaveTokenHash: createHash("sha256").update(randomBytes(32)).digest("hex"),
    },
  });
}
