// Hosts and their members for the tests (issue 30; not imported by the app).
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { HostRole } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/users";
import { createTestUser } from "@/tests/fixtures";

const unique = () => randomUUID().slice(0, 8);

/**
 * A host. `connected` (the default): a Stripe account that may take charges, so its events can
 * be sold (docs/decisions/0020); false: none yet.
 */
export async function createHost(options: { name?: string; city?: string; story?: string; translations?: Record<string, { name?: string; story?: string }>; connected?: boolean } = {}) {
  const suffix = unique();
  const connected = options.connected ?? true;
  return prisma.host.create({
    data: {
      slug: `host-${suffix}`,
      name: options.name ?? `Host ${suffix}`,
      story: options.story ?? "We run small walks and evenings in our neighbourhood.",
      city: options.city ?? "Lisbon",
      translations: options.translations ?? {},
      ...(connected ? { stripeAccountId: `acct_test_${randomUUID().replaceAll("-", "")}`, chargesEnabled: true, detailsSubmitted: true, payoutsEnabled: true } : {}),
    },
  });
}

/** A new account that is `role` of the host, as the session would carry it. */
export async function createMember(hostId: string, role: HostRole = "manager"): Promise<SessionUser> {
  const user = await createTestUser({ name: `Member ${role}` });
  await prisma.hostMember.create({ data: { hostId, userId: user.id, role } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: true, memberships: [{ hostId, role }] };
}

/** A venue and a published event of the host with one session a week ahead and one ticket type. */
export async function createHostEvent(hostId: string, options: { title?: string; startsAt?: Date } = {}) {
  const venue = await prisma.venue.create({ data: { hostId, name: `Hall ${unique()}`, address: "Rua Augusta 1", city: "Lisbon", neighbourhood: "Baixa", timeZone: "Europe/Lisbon" } });
  const startsAt = options.startsAt ?? new Date(Date.now() + 7 * 24 * 3600_000);
  const event = await prisma.event.create({
    data: {
      hostId,
      venueId: venue.id,
      slug: `host-event-${unique()}`,
      title: options.title ?? `Hosted evening ${unique()}`,
      summary: "A hosted test event",
      description: "Made by a test, for a host.",
      category: "concert",
      city: venue.city,
      neighbourhood: venue.neighbourhood,
      imagePath: "/images/events/sao-bento-jazz-sessions.webp",
      imageAlt: "",
      status: "published",
      sessions: { create: { venueId: venue.id, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), ticketTypes: { create: [{ name: "Standard", capacity: 50, priceMinor: 1500 }] } } },
    },
    include: { sessions: { include: { ticketTypes: true } } },
  });
  return { venue, event, session: event.sessions[0], ticketType: event.sessions[0].ticketTypes[0] };
}
