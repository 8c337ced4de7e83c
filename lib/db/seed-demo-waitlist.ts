// The demo's waiting list (issue 29.3): the sold-out comedy cellar's next show has three people
// in line for general admission; one place came back (the venue added a seat), so the first of
// them holds an offer and two still wait. Written inside the seed's transaction, after the
// ticket types: the offer is made by the database itself (the trigger on ticket_types that runs
// waitlist_offer_freed), exactly as a cancellation would make it. Nothing here imports
// server-only code: the leave links of these made-up people are random and never sent.
import { createHash, randomBytes } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";

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
