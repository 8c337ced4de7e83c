// Catalogue data for lib/catalog tests. The test database is shared by every test file,
// so each test scopes its assertions with words and places of its own (`uniqueWord`).
import { randomInt, randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Category } from "@/lib/generated/prisma/client";
import { instantAt } from "@/lib/time";

const LETTERS = "bcdfghjklmnpqrstvwxz";

/** A made-up word (letters only, so full-text search treats it as one plain word). */
export function uniqueWord(prefix = "Zu"): string {
  let word = prefix;
  for (let i = 0; i < 8; i++) word += LETTERS[randomInt(LETTERS.length)] + (i % 2 ? "" : "a");
  return word;
}

/** The instant at local `date` `hh:mm` in `timeZone`. */
export function localTime(date: string, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(":").map(Number);
  return instantAt(date, hours * 60 + minutes, timeZone);
}

export type TestSession = {
  startsAt: Date;
  minutes?: number;
  cancelled?: boolean;
  ticketTypes?: { priceMinor?: number; capacity?: number; sold?: number; name?: string }[];
};

/**
 * A venue of its own (so sessions of different events never clash) and one event with the
 * given sessions (default: one ticket type, €15, 100 places) and, optionally, a bookable
 * resource.
 */
export async function createCatalogEvent(options: {
  title: string;
  summary?: string;
  description?: string;
  category?: Category;
  city?: string;
  neighbourhood?: string;
  venueName?: string;
  timeZone?: string;
  /** The venue's position (none by default) and country (ISO 3166-1 alpha-2). */
  latitude?: number;
  longitude?: number;
  country?: string;
  status?: "draft" | "published" | "cancelled";
  /** The language title, summary and description are in, and translations into others. */
  language?: "en" | "pt" | "es" | "ca" | "de";
  translations?: { locale: "en" | "pt" | "es" | "ca" | "de"; title: string; summary: string; description: string }[];
  sessions?: TestSession[];
  resource?: { priceMinorPerSlot?: number; opensMinute?: number; closesMinute?: number; slotMinutes?: number; minMinutes?: number; maxMinutes?: number };
}) {
  const short = randomUUID().slice(0, 8);
  const venue = await prisma.venue.create({
    data: {
      name: options.venueName ?? `Room ${short}`,
      address: `Test Street ${short}`,
      city: options.city ?? "Testville",
      neighbourhood: options.neighbourhood ?? "Centre",
      timeZone: options.timeZone ?? "Europe/Lisbon",
      latitude: options.latitude,
      longitude: options.longitude,
      country: options.country,
    },
  });
  const event = await prisma.event.create({
    data: {
      slug: `catalog-test-${short}`,
      title: options.title,
      summary: options.summary ?? "A test event.",
      description: options.description ?? "Made by a catalogue test.",
      category: options.category ?? "concert",
      city: venue.city,
      neighbourhood: venue.neighbourhood,
      imagePath: "/images/events/placeholder.webp",
      imageAlt: "",
      status: options.status ?? "published",
      venueId: venue.id,
      language: options.language ?? "en",
      translations: options.translations ? { create: options.translations } : undefined,
    },
  });
  const sessions = [];
  for (const session of options.sessions ?? []) {
    const created = await prisma.eventSession.create({
      data: {
        eventId: event.id,
        venueId: venue.id,
        startsAt: session.startsAt,
        endsAt: new Date(session.startsAt.getTime() + (session.minutes ?? 120) * 60_000),
        cancelled: session.cancelled ?? false,
        ticketTypes: {
          create: (session.ticketTypes ?? [{}]).map((type, index) => ({
            name: type.name ?? `Type ${index + 1}`,
            priceMinor: type.priceMinor ?? 1500,
            capacity: type.capacity ?? 100,
            sold: type.sold ?? 0,
            sortOrder: index,
          })),
        },
      },
    });
    sessions.push(created);
  }
  const resource = options.resource
    ? await prisma.resource.create({
        data: {
          eventId: event.id,
          venueId: venue.id,
          name: "Guide",
          opensMinute: options.resource.opensMinute ?? 9 * 60,
          closesMinute: options.resource.closesMinute ?? 18 * 60,
          slotMinutes: options.resource.slotMinutes ?? 30,
          minMinutes: options.resource.minMinutes ?? 60,
          maxMinutes: options.resource.maxMinutes ?? 180,
          priceMinorPerSlot: options.resource.priceMinorPerSlot ?? 2000,
        },
      })
    : null;
  return { event, venue, sessions, resource };
}
