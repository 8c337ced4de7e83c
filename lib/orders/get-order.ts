import "server-only";
import { actorOf, canViewOrder } from "@/lib/auth/policy";
import { jobKey } from "@/lib/jobs/kinds";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { cancellationDeadline, cancellationRefund, policyOf, type CancellationPolicy } from "./cancellation-policy";
import { hasOrderAccess } from "./order-access";

export type OrderView = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

function findOrder(orderId: string) {
  return prisma.order.findUnique({
    where: { id: orderId },
    include: {
      user: { select: { id: true, name: true, email: true } },
      items: {
        include: {
          ticketType: {
            select: {
              name: true,
              session: {
                select: {
                  id: true,
                  startsAt: true,
                  endsAt: true,
                  event: { select: { title: true, slug: true, holderChangeCutoffMinutes: true, transfersForbidden: true, ...CANCELLATION_FIELDS } },
                  venue: { select: { name: true, address: true, timeZone: true } },
                },
              },
            },
          },
        },
        orderBy: { ticketTypeId: "asc" },
      },
      bookings: {
        include: {
          resource: {
            select: { name: true, event: { select: { title: true, slug: true, holderChangeCutoffMinutes: true, transfersForbidden: true, ...CANCELLATION_FIELDS } }, venue: { select: { name: true, address: true, timeZone: true } } },
          },
        },
      },
      // A ticket re-issued to a new holder is replaced by its new row: only the current one is shown.
      tickets: {
        where: { reissuedAs: { is: null } },
        select: { id: true, code: true, holderName: true, holderEmail: true, status: true, refundId: true, ticketTypeId: true, ticketType: { select: { name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
      refunds: { select: { id: true, amountMinor: true, feeMinor: true, status: true, reason: true, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
  });
}

const CANCELLATION_FIELDS = { cancellationPolicy: true, cancellationCutoffHours: true, cancellationFeePercent: true } as const;

/**
 * The order if `viewer` may see it (its owner or an admin) or `accessToken` is one of its private
 * links, else null: callers answer 404 (another order's link too).
 */
export async function getOrderForViewer(orderId: string, viewer: SessionUser | null, accessToken?: string | null): Promise<OrderView | null> {
  if ((!viewer && !accessToken) || !isUuid(orderId)) return null;
  const order = await findOrder(orderId);
  if (!order) return null;
  const withAccessLink = !viewer || order.userId !== viewer.id ? await hasOrderAccess(orderId, accessToken) : false;
  if (!canViewOrder(actorOf(viewer), order, { withAccessLink })) return null;
  return order;
}

/**
 * Until when the order's holders may be changed (the event's cutoff before the start), or null
 * when they may not be changed any more (or the order is not paid).
 */
export function holderChangeUntil(order: OrderView, now = new Date()): Date | null {
  if (order.status !== "paid") return null;
  const session = order.items[0]?.ticketType.session;
  const booking = order.bookings[0];
  const startsAt = session?.startsAt ?? booking?.startsAt;
  const cutoff = session?.event.holderChangeCutoffMinutes ?? booking?.resource.event.holderChangeCutoffMinutes;
  if (!startsAt || cutoff === undefined) return null;
  // An event that does not let tickets be passed on (issue 29) has no holder changes at all.
  if (session?.event.transfersForbidden ?? booking?.resource.event.transfersForbidden) return null;
  const until = new Date(startsAt.getTime() - cutoff * 60_000);
  return until > now ? until : null;
}

export type DeliveryStatus = "queued" | "sending" | "sent" | "failed" | "none";

export async function getDeliveryStatus(orderId: string): Promise<DeliveryStatus> {
  const job = await prisma.job.findUnique({ where: { uniqueKey: jobKey("deliver_order", orderId) }, select: { status: true } });
  if (!job) return "none";
  return ({ queued: "queued", running: "sending", succeeded: "sent", dead: "failed" } as const)[job.status];
}

/**
 * What the buyer may cancel now and what would come back (issue 29.1), worked out as
 * `order_cancel` will: each valid ticket its line's price (a booking: the order's total), less
 * the policy's fee. `policy` is always there to be shown; `until` is null once cancelling is no
 * longer possible (or never was); a pending order can always be given up (`pending`).
 */
export type CancellationOffer = {
  policy: CancellationPolicy;
  pending: boolean;
  until: Date | null;
  whole: { refundMinor: number; feeMinor: number };
  byTicket: Map<string, { refundMinor: number; feeMinor: number }>;
};

export function cancellationOffer(order: OrderView, now = new Date()): CancellationOffer | null {
  const session = order.items[0]?.ticketType.session;
  const booking = order.bookings[0];
  const event = session?.event ?? booking?.resource.event;
  const startsAt = session?.startsAt ?? booking?.startsAt;
  if (!event || !startsAt) return null;
  const policy = policyOf(event);
  const deadline = order.status === "paid" ? cancellationDeadline(policy, startsAt) : null;
  const until = deadline && deadline > now ? deadline : null;
  const priceOf = (ticket: OrderView["tickets"][number]) =>
    ticket.ticketTypeId === null
      ? order.totalMinor
      : (order.items.find((item) => item.ticketTypeId === ticket.ticketTypeId && item.status === "sold")?.unitPriceMinor ?? 0);
  const valid = order.tickets.filter((ticket) => ticket.status === "valid");
  return {
    policy,
    pending: order.status === "pending",
    until,
    whole: cancellationRefund(policy, valid.reduce((sum, ticket) => sum + priceOf(ticket), 0)),
    byTicket: new Map(valid.map((ticket) => [ticket.id, cancellationRefund(policy, priceOf(ticket))])),
  };
}
