// Test data that each test creates for itself (unique slugs and emails), so tests never
// depend on each other or on the demo seed.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Category } from "@/lib/generated/prisma/client";

const unique = () => randomUUID().slice(0, 8);

export async function createTestUser(options: { role?: "attendee" | "admin"; name?: string } = {}) {
  return prisma.user.create({
    data: {
      email: `buyer-${unique()}@example.test`,
      name: options.name ?? "Test Buyer",
      passwordHash: "$2b$10$.8IiELlzzf3utqac6stPSeP5huer0IhNTPZjGtgacRgxjgqb0wUbW",
      role: options.role ?? "attendee",
    },
  });
}

export async function createTestVenue(timeZone = "Europe/Lisbon") {
  return prisma.venue.create({
    data: { name: `Hall ${unique()}`, address: "Rua Augusta 1", city: "Lisbon", neighbourhood: "Baixa", timeZone },
  });
}

export async function createTicketedEvent(options: {
  ticketTypes: { name?: string; capacity: number; priceMinor?: number; sold?: number }[];
  title?: string;
  category?: Category;
  status?: "draft" | "published" | "cancelled";
  startsAt?: Date;
}) {
  const venue = await createTestVenue();
  const startsAt = options.startsAt ?? new Date(Date.now() + 7 * 24 * 3600_000);
  const event = await prisma.event.create({
    data: {
      slug: `test-event-${unique()}`,
      title: options.title ?? "Test concert",
      summary: "A test event",
      description: "Made by a test.",
      category: options.category ?? "concert",
      city: venue.city,
      neighbourhood: venue.neighbourhood,
      imagePath: "/images/events/sao-bento-jazz-sessions.webp",
      imageAlt: "",
      status: options.status ?? "published",
      venueId: venue.id,
      sessions: {
        create: {
          venueId: venue.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
          ticketTypes: {
            create: options.ticketTypes.map((type, index) => ({
              name: type.name ?? `Type ${index + 1}`,
              capacity: type.capacity,
              priceMinor: type.priceMinor ?? 1500,
              sold: type.sold ?? 0,
              sortOrder: index,
            })),
          },
        },
      },
    },
    include: { sessions: { include: { ticketTypes: { orderBy: { sortOrder: "asc" } } } } },
  });
  return { event, venue, session: event.sessions[0], ticketTypes: event.sessions[0].ticketTypes };
}

export async function createBookableEvent(options: { priceMinorPerSlot?: number; timeZone?: string } = {}) {
  const venue = await createTestVenue(options.timeZone ?? "Europe/Lisbon");
  const event = await prisma.event.create({
    data: {
      slug: `test-tour-${unique()}`,
      title: "Private test tour",
      summary: "A bookable test experience",
      description: "Made by a test.",
      category: "tour",
      city: venue.city,
      neighbourhood: venue.neighbourhood,
      imagePath: "/images/events/sao-bento-jazz-sessions.webp",
      imageAlt: "",
      status: "published",
      venueId: venue.id,
      resources: {
        create: {
          venueId: venue.id,
          name: "Guide",
          opensMinute: 9 * 60,
          closesMinute: 18 * 60,
          slotMinutes: 30,
          minMinutes: 60,
          maxMinutes: 180,
          priceMinorPerSlot: options.priceMinorPerSlot ?? 2000,
        },
      },
    },
    include: { resources: true },
  });
  return { event, venue, resource: event.resources[0] };
}

/** Moves an order's hold into the past, as if its buyer walked away. */
export async function expireHold(orderId: string) {
  await prisma.$executeRaw`UPDATE orders SET hold_expires_at = now() - interval '1 minute' WHERE id = ${orderId}::uuid`;
}
