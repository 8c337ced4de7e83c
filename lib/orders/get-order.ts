import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { jobKey } from "@/lib/jobs/kinds";
import type { SessionUser } from "@/lib/auth/users";

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
                  event: { select: { title: true, slug: true } },
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
            select: { name: true, event: { select: { title: true, slug: true } }, venue: { select: { name: true, address: true, timeZone: true } } },
          },
        },
      },
      tickets: { select: { id: true, code: true, holderName: true, status: true, ticketType: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
}

/** The order if `viewer` may see it (its owner or an admin), else null: callers answer 404. */
export async function getOrderForViewer(orderId: string, viewer: SessionUser | null): Promise<OrderView | null> {
  if (!viewer || !z.uuid().safeParse(orderId).success) return null;
  const order = await findOrder(orderId);
  if (!order) return null;
  if (order.userId !== viewer.id && viewer.role !== "admin") return null;
  return order;
}

export type DeliveryStatus = "queued" | "sending" | "sent" | "failed" | "none";

export async function getDeliveryStatus(orderId: string): Promise<DeliveryStatus> {
  const job = await prisma.job.findUnique({ where: { uniqueKey: jobKey("deliver_order", orderId) }, select: { status: true } });
  if (!job) return "none";
  return ({ queued: "queued", running: "sending", succeeded: "sent", dead: "failed" } as const)[job.status];
}

export async function listOrdersOfUser(userId: string) {
  return prisma.order.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      reference: true,
      status: true,
      totalMinor: true,
      currency: true,
      createdAt: true,
      holdExpiresAt: true,
      _count: { select: { tickets: true } },
      items: { take: 1, select: { ticketType: { select: { session: { select: { startsAt: true, event: { select: { title: true } } } } } } } },
      bookings: { take: 1, select: { startsAt: true, resource: { select: { event: { select: { title: true } } } } } },
    },
  });
}
