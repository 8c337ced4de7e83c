import "server-only";
import { prisma } from "@/lib/db";
import { assertAdmin, type Actor } from "../authorize";
import { hostWhere } from "../host-scope";

export type ScopeEvent = { id: string; title: string; types: { id: string; name: string; when: Date; hidden: boolean; priceMinor: number; currency: string }[] };

/**
 * What a voucher's scope may name: events not cancelled whose last session has not ended
 * (and any named by `keep`, the voucher's own), with their ticket types, soonest first.
 */
export async function listVoucherScopeOptions(options: { actor: Actor | null; keep?: { eventIds: string[]; ticketTypeIds: string[] } }): Promise<ScopeEvent[]> {
  const actor = await assertAdmin(options.actor);
  const keepEvents = options.keep?.eventIds ?? [];
  const keepTypes = options.keep?.ticketTypeIds ?? [];
  const events = await prisma.event.findMany({
    where: {
      ...hostWhere(actor),
      OR: [
        { status: { not: "cancelled" }, sessions: { some: { cancelled: false, endsAt: { gt: new Date() } } } },
        { id: { in: keepEvents } },
        { sessions: { some: { ticketTypes: { some: { id: { in: keepTypes } } } } } },
      ],
    },
    select: {
      id: true,
      title: true,
      sessions: {
        where: { cancelled: false },
        orderBy: { startsAt: "asc" },
        select: { startsAt: true, ticketTypes: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, hidden: true, priceMinor: true, currency: true } } },
      },
    },
    take: 300,
  });
  return events
    .map((event) => ({
      id: event.id,
      title: event.title,
      types: event.sessions.flatMap((session) => session.ticketTypes.map((type) => ({ ...type, currency: type.currency.trim(), when: session.startsAt }))),
    }))
    .sort((a, b) => (a.types[0]?.when.getTime() ?? 0) - (b.types[0]?.when.getTime() ?? 0) || a.title.localeCompare(b.title));
}
