import "server-only";
import { actorOf, canViewOrder } from "@/lib/auth/policy";
import { jobKey } from "@/lib/jobs/kinds";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
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
                  event: { select: { title: true, slug: true, holderChangeCutoffMinutes: true, transfersForbidden: true } },
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
            select: { name: true, event: { select: { title: true, slug: true, holderChangeCutoffMinutes: true, transfersForbidden: true } }, venue: { select: { name: true, address: true, timeZone: true } } },
          },
        },
      },
      // A ticket re-issued to a new holder is replaced by its new row: only the current one is shown.
      tickets: {
        where: { reissuedAs: { is: null } },
        select: { id: true, code: true, holderName: true, holderEmail: true, status: true, ticketType: { select: { name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
}

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
