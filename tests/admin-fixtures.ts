// Helpers for the admin integration tests (not imported by the app).
import { randomUUID } from "node:crypto";
import { createTestUser, createTestVenue } from "@/tests/fixtures";
import { instantToLocal } from "@/lib/admin/events/session-times";
import type { Actor } from "@/lib/admin/authorize";

export async function createActor(role: "admin" | "attendee" = "admin"): Promise<Actor> {
  const user = await createTestUser({ role, name: role === "admin" ? "Test Admin" : "Test Attendee" });
  return { id: user.id, email: user.email, role: user.role };
}

/** A wall-clock time at the venue, `days` from now at `hour`:00 (what a datetime-local input sends). */
export function localTime(timeZone: string, days: number, hour: number, minute = 0): string {
  const date = instantToLocal(new Date(Date.now() + days * 24 * 3600_000), timeZone).slice(0, 10);
  return `${date}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}

/** A valid raw event input (as a form or JSON client sends it) at a fresh venue. */
export async function eventInput(overrides: Record<string, unknown> = {}, venue?: { id: string; timeZone: string }) {
  const place = venue ?? (await createTestVenue());
  const suffix = randomUUID().slice(0, 8);
  return {
    venue: place,
    input: {
      title: "Harbour Jazz Night",
      slug: `harbour-jazz-${suffix}`,
      summary: "Live jazz by the harbour, with a bar.",
      description: "A long evening of jazz by the harbour, with guests from abroad.",
      category: "concert",
      city: "Lisbon",
      neighbourhood: "Baixa",
      venueId: place.id,
      imagePath: "/images/events/sao-bento-jazz-sessions.webp",
      imageAlt: "A saxophonist on a small stage",
      status: "published",
      sessions: [
        {
          startsAt: localTime(place.timeZone, 10, 20),
          endsAt: localTime(place.timeZone, 10, 22),
          ticketTypes: [
            { name: "Standard", price: "15.00", currency: "EUR", capacity: "100" },
            { name: "Front row", price: "30", currency: "EUR", capacity: "10" },
          ],
        },
      ],
      resources: [],
      ...overrides,
    } as Record<string, unknown>,
  };
}
