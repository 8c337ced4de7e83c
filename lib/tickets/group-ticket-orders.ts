// "My tickets": a buyer's orders split into what is still ahead and what is over, the way a
// ticket wallet shows them: upcoming soonest first, past most recent first.

export type TicketOrderSummary = {
  id: string;
  reference: string;
  status: string;
  totalMinor: number;
  currency: string;
  eventTitle: string;
  venueName: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  ticketCount: number;
};

/** An order counts as upcoming until its event has ended. */
export function groupTicketOrders<T extends Pick<TicketOrderSummary, "startsAt" | "endsAt">>(orders: T[], now = new Date()): { upcoming: T[]; past: T[] } {
  const upcoming = orders.filter((order) => order.endsAt > now).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const past = orders.filter((order) => order.endsAt <= now).sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  return { upcoming, past };
}
